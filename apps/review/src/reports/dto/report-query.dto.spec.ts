import { daysOf, reportQuerySchema } from './report-query.dto';

const fieldsOf = (query: Record<string, string>) => {
  const parsed = reportQuerySchema.safeParse(query);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
};

describe('reportQuerySchema', () => {
  it.each([
    [{ from: '2026-11-02', to: '2026-11-02' }, []],
    [{ from: '2024-01-01', to: '2024-12-31' }, []],
    [{ from: '2024-01-01', to: '2025-01-01' }, ['to']],
    [{ from: '2026-11-03', to: '2026-11-02' }, ['to']],
    [{ from: '2026-02-29', to: '2026-03-01' }, ['from']],
    [{ from: '2026-13-01', to: '2026-13-02' }, ['from', 'to']],
    [{ from: '2026-11-00', to: '2026-11-02' }, ['from']],
    [{ from: '2026-11-02T00:00', to: '2026-11-02' }, ['from']],
    [{ from: '2026-11-02', to: '2026-11-02', format: 'pdf' }, ['format']],
    [{ from: '2026-11-02', to: '2026-11-02', limit: '5' }, ['']],
    [{ to: '2026-11-02' }, ['from']],
  ])('%j → bad fields %j', (query, fields) => {
    expect(fieldsOf(query as Record<string, string>)).toEqual(fields);
  });

  it('defaults to JSON and lists every day of the range', () => {
    expect(reportQuerySchema.parse({ from: '2026-10-30', to: '2026-11-01' }).format).toBe('json');
    expect(daysOf('2026-10-30', '2026-11-01')).toEqual(['2026-10-30', '2026-10-31', '2026-11-01']);
  });
});
