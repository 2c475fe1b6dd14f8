import { ConflictException, NotFoundException } from '@nestjs/common';
import { bulkIdsSchema, eachOnItsOwn } from './bulk.util';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';

describe('eachOnItsOwn', () => {
  it('works on the ids in sorted order, whatever order they were named in', async () => {
    const seen: string[] = [];
    await eachOnItsOwn([C, A, B], async (id) => {
      seen.push(id);
      return { status: 'closed' };
    });
    expect(seen).toEqual([A, B, C]);
  });

  it("answers each refusal with the single action's status and code, and goes on with the rest", async () => {
    const answer = await eachOnItsOwn([A, B, C], async (id) => {
      if (id === A) throw new NotFoundException({ code: 'DRAFT_NOT_FOUND', message: 'draft a not found' });
      if (id === B) throw new ConflictException({ code: 'DRAFT_VERSION_CONFLICT', message: 'version is 3, not 1' });
      return { status: 'sending', version: 2 };
    });
    expect(answer).toEqual({
      done: 1,
      failed: 2,
      results: [
        { id: A, ok: false, statusCode: 404, code: 'DRAFT_NOT_FOUND', message: 'draft a not found' },
        { id: B, ok: false, statusCode: 409, code: 'DRAFT_VERSION_CONFLICT', message: 'version is 3, not 1' },
        { id: C, ok: true, status: 'sending', version: 2 },
      ],
    });
  });

  it('reports a fault that is no refusal as not done, without its details', async () => {
    const answer = await eachOnItsOwn([A], async () => {
      throw new Error('connection terminated; password=secret');
    });
    expect(answer.results).toEqual([
      { id: A, ok: false, statusCode: 500, code: 'INTERNAL_ERROR', message: 'could not be done; try again' },
    ]);
  });
});

describe('bulkIdsSchema', () => {
  it.each([
    ['no ids', [], false],
    ['one id', [A], true],
    ['100 ids', Array.from({ length: 100 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`), true],
    ['101 ids', Array.from({ length: 101 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`), false],
    ['an id twice', [A, B, A], false],
    ['no uuid', [A, 'nope'], false],
  ])('%s', (_name, ids, ok) => {
    expect(bulkIdsSchema.safeParse(ids).success).toBe(ok);
  });
});
