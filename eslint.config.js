// Lint rules that keep the layering true: libs never import apps, an app imports another app only through its public
// face (apps/<app>/src/index.ts), and type-aware rules catch promises nobody awaits. Formatting is Prettier's job.
const tseslint = require('typescript-eslint');
const { readdirSync } = require('node:fs');
const { join } = require('node:path');

const APPS = readdirSync(join(__dirname, 'apps'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** From inside apps/<app>/src, a relative path into another app's src other than its index. */
const otherAppInternals = (app) => {
  const others = APPS.filter((a) => a !== app).join('|');
  return `^(\\.\\./)+(${others})/src/(?!index$).+`;
};

module.exports = tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      '.engines/**',
      'test-artifacts/**',
      'bench/results/**',
      'apps/review/ui/**',
      'coverage/**',
    ],
  },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      'no-debugger': 'error',
      'no-duplicate-imports': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)apps/', message: 'libs never import apps: move what both need into a lib.' }] },
      ],
    },
  },
  ...APPS.map((app) => ({
    files: [`apps/${app}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: otherAppInternals(app),
              message:
                'import another app only through its public face (apps/<app>/src/index.ts), never its internals.',
            },
          ],
        },
      ],
    },
  })),
);
