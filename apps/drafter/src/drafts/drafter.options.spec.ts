import { loadConfig } from '@draftdesk/config';
import { drafterConfigShape, drafterOptionsFromConfig } from './drafter.options';

const tokensPerDay = (env: Record<string, string>) =>
  drafterOptionsFromConfig(
    loadConfig(drafterConfigShape, { DRAFTER_ENGINE: 'openai', OPENAI_API_KEY: 'sk-test', ...env }),
  ).openai?.tokensPerDay;

describe('drafter token budget settings', () => {
  it('is a daily budget, 24 times the former hourly default when nothing is set', () => {
    expect(tokensPerDay({})).toBe(4_800_000);
  });

  it('takes OPENAI_TOKEN_BUDGET_PER_DAY as it is, 0 meaning no limit', () => {
    expect(tokensPerDay({ OPENAI_TOKEN_BUDGET_PER_DAY: '50000' })).toBe(50_000);
    expect(tokensPerDay({ OPENAI_TOKEN_BUDGET_PER_DAY: '0' })).toBe(0);
  });

  it('still honours the former OPENAI_TOKEN_BUDGET_PER_HOUR as 24 hours of it, unless a daily budget is set', () => {
    expect(tokensPerDay({ OPENAI_TOKEN_BUDGET_PER_HOUR: '1000' })).toBe(24_000);
    expect(tokensPerDay({ OPENAI_TOKEN_BUDGET_PER_HOUR: '0' })).toBe(0);
    expect(tokensPerDay({ OPENAI_TOKEN_BUDGET_PER_HOUR: '1000', OPENAI_TOKEN_BUDGET_PER_DAY: '7000' })).toBe(7_000);
  });
});
