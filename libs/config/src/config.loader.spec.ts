import { z } from 'zod';
import { baseConfigShape, ConfigError, configProblem, env, loadConfig } from './config.loader';

describe('loadConfig', () => {
  const shape = { ...baseConfigShape, PORT: env.port().default(3000), IMAP_HOST: env.string() };

  it('returns typed values with defaults', () => {
    const config = loadConfig(shape, {
      DATABASE_URL: 'postgres://u@127.0.0.1/db',
      KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093',
      IMAP_HOST: 'imap.test',
    });
    expect(config.PORT).toBe(3000);
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092', '127.0.0.1:9093']);
    expect(config.LOG_LEVEL).toBe('info');
  });

  it.each([
    [{}, ['DATABASE_URL is required', 'KAFKA_BROKERS is required', 'IMAP_HOST is required']],
    [
      { DATABASE_URL: 'mysql://x', KAFKA_BROKERS: 'k:1', IMAP_HOST: 'h', PORT: 'eighty' },
      ['DATABASE_URL is invalid', 'PORT is invalid'],
    ],
  ])('names every bad variable (%j)', (source, expected) => {
    let error: unknown;
    try {
      loadConfig(shape, source as Record<string, string>);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    for (const fragment of expected) expect((error as Error).message).toContain(fragment);
  });

  it('treats empty strings as unset', () => {
    expect(() => loadConfig({ A: z.string() }, { A: '' })).toThrow('A is required');
  });

  describe('a schema with cross-field rules', () => {
    const schema = z
      .object({
        ENGINE: z.enum(['offline', 'openai']).default('offline'),
        KEY: z.string().optional(),
        PORT: env.port(),
      })
      .superRefine((config, ctx) => {
        if (config.ENGINE === 'openai' && !config.KEY) configProblem(ctx, 'KEY', 'is required when ENGINE=openai');
      });

    it('returns the typed settings when the rules hold', () => {
      expect(loadConfig(schema, { ENGINE: 'openai', KEY: 'k', PORT: '80' })).toEqual({
        ENGINE: 'openai',
        KEY: 'k',
        PORT: 80,
      });
    });

    it('names the variable a rule asks for', () => {
      expect(() => loadConfig(schema, { ENGINE: 'openai', PORT: '80' })).toThrow(
        /- KEY is required when ENGINE=openai/,
      );
    });

    it('names malformed variables first', () => {
      expect(() => loadConfig(schema, { ENGINE: 'openai', PORT: 'eighty' })).toThrow(/PORT is invalid/);
    });
  });
});
