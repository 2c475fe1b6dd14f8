import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/principal';
import type { ReviewItemRow } from './review-item.view';
import { draftedPayload, inMemoryActions, reviewItem } from './review.memory-repository';

const agent: Actor = { userId: randomUUID(), email: 'agent@velo.test', shopId: 'default', role: 'agent' };
const unversioned = { viaIfMatch: false };

describe('send with undo', () => {
  let desk: ReturnType<typeof inMemoryActions>;
  let nudges: number;

  beforeEach(() => {
    nudges = 0;
    desk = inMemoryActions({ claimTtlSeconds: 300, sendDelaySeconds: 10 }, { scheduled: () => void nudges++ });
  });

  const seed = (overrides: Partial<ReviewItemRow> = {}) => {
    const row = reviewItem(overrides);
    desk.items.add(row);
    return row;
  };

  describe('approve with a send delay', () => {
    it('schedules the send: the item is sending until the delay passes, no event yet, the history says so', async () => {
      const row = seed();
      const before = Date.now();
      const view = await desk.actions.approve(agent, row.draft_id, { body: 'Beste Sanne, morgen.' }, unversioned);
      expect(view).toMatchObject({
        status: 'sending',
        version: 2,
        decidedBy: agent.email,
        body: 'Beste Sanne, morgen.',
      });
      const sendAt = new Date(view.sendAt!).getTime();
      expect(sendAt).toBeGreaterThanOrEqual(before + 10_000);
      expect(sendAt).toBeLessThan(Date.now() + 10_500);
      expect(desk.events).toEqual([]);
      expect(nudges).toBe(1);
      expect(desk.auditLog.entries).toEqual([
        expect.objectContaining({
          action: 'edit_and_approve',
          after: { status: 'sending', body: 'Beste Sanne, morgen.', sendDelaySeconds: 10 },
        }),
      ]);
      expect(desk.live).toEqual([expect.objectContaining({ type: 'resolved', draftId: row.draft_id, version: 2 })]);
    });

    it("takes the shop's own delay over the desk's, and 0 sends at once as before", async () => {
      desk.shops.sendDelays.set('default', 30);
      const slow = seed();
      const view = await desk.actions.approve(agent, slow.draft_id, {}, unversioned);
      expect(new Date(view.sendAt!).getTime()).toBeGreaterThan(Date.now() + 29_000);

      desk.shops.sendDelays.set('default', 0);
      const now = seed();
      await expect(desk.actions.approve(agent, now.draft_id, {}, unversioned)).resolves.toMatchObject({
        status: 'approved',
      });
      expect(desk.events).toEqual([
        expect.objectContaining({
          topic: 'support.reply-approved.v1',
          payload: expect.objectContaining({ draftId: now.draft_id }),
        }),
      ]);
      expect(nudges).toBe(1);
    });

    it('sends at once when neither the shop nor the desk names a delay', async () => {
      const plain = inMemoryActions({ claimTtlSeconds: 300 });
      const row = reviewItem();
      plain.items.add(row);
      await expect(plain.actions.approve(agent, row.draft_id, {}, unversioned)).resolves.toMatchObject({
        status: 'approved',
      });
      expect(plain.events).toHaveLength(1);
    });
  });

  describe('undo', () => {
    it('puts the item back to pending with the edited text as its draft text, and records it', async () => {
      const row = seed();
      await desk.actions.approve(agent, row.draft_id, { body: 'Mijn versie' }, unversioned);
      const view = await desk.actions.undo(agent, row.draft_id, { version: 2, viaIfMatch: true });
      expect(view).toMatchObject({ status: 'pending', version: 3, body: 'Mijn versie', decidedBy: null });
      expect(view).not.toHaveProperty('sendAt');
      expect(desk.items.get(row.draft_id)).toMatchObject({ send_at: null, decided_at: null });
      expect(desk.events).toEqual([]);
      expect(desk.auditLog.entries.map((e) => e.action)).toEqual(['edit_and_approve', 'undo_approve']);
      expect(desk.auditLog.entries[1]).toMatchObject({
        actor: agent.email,
        before: { status: 'sending', body: 'Mijn versie', decidedBy: agent.email },
        after: { status: 'pending', body: 'Mijn versie' },
      });
      expect(desk.live.at(-1)).toMatchObject({ type: 'updated', version: 3 });
    });

    it('answers 409 SEND_ALREADY_STARTED once the reply was handed on, and 409 DRAFT_NOT_SENDING for one never approved', async () => {
      const sent = seed({ status: 'approved', version: 3 });
      await expect(desk.actions.undo(agent, sent.draft_id, unversioned)).rejects.toMatchObject({
        status: 409,
        response: { code: 'SEND_ALREADY_STARTED', message: expect.stringContaining('already sent') },
      });
      const pending = seed();
      await expect(desk.actions.undo(agent, pending.draft_id, unversioned)).rejects.toMatchObject({
        status: 409,
        response: { code: 'DRAFT_NOT_SENDING', message: expect.stringContaining('nothing to undo') },
      });
      expect(desk.items.get(sent.draft_id)).toMatchObject({ status: 'approved', version: 3 });
      expect(desk.auditLog.entries).toEqual([]);
    });

    it('refuses a stale version (412 via If-Match) and an unknown item (404)', async () => {
      const row = seed({ status: 'sending', version: 5, send_at: new Date(Date.now() + 5_000) });
      await expect(desk.actions.undo(agent, row.draft_id, { version: 4, viaIfMatch: true })).rejects.toMatchObject({
        status: 412,
      });
      await expect(desk.actions.undo(agent, randomUUID(), unversioned)).rejects.toMatchObject({ status: 404 });
      expect(desk.items.get(row.draft_id).status).toBe('sending');
    });

    it('supersedes the item instead when the draft for a newer customer message arrived during the delay', async () => {
      const row = seed({ status: 'sending', version: 2, send_at: new Date(Date.now() + 5_000) });
      const newer = draftedPayload();
      seed({ draft_id: newer.draftId, payload: newer, conversation_id: row.conversation_id });
      const view = await desk.actions.undo(agent, row.draft_id, unversioned);
      expect(view).toMatchObject({
        status: 'superseded',
        supersededBy: { messageId: newer.messageId, draftId: newer.draftId },
      });
      expect(desk.auditLog.entries[0]).toMatchObject({ action: 'undo_approve', after: { status: 'superseded' } });
    });
  });
});
