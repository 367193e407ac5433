// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const FRAMEWORK = ['@nestjs/*', 'typeorm', 'bullmq', 'ioredis', 'pg', 'express', 'multer'];
const CONTEXTS = [
  'identity',
  'calls',
  'applications',
  'evaluation',
  'scoring',
  'cohorts',
  'notifications',
  'audit',
  'discussion',
  'moderation',
];
// Contexts talk through their index.ts; their HTTP edges are wired by apps/api only.
const BOUNDARIES = [
  {
    group: ['**/libs/*/src/**', '../../*/src/**', '../../../*/src/**'],
    message: 'Import a context through @app/<context>.',
  },
  { group: CONTEXTS.map((c) => `@app/${c}/http`), message: 'Only apps/api wires HTTP edges.' },
  { group: CONTEXTS.map((c) => `@app/${c}/jobs`), message: 'Only apps/worker wires job processors.' },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'artifacts/**',
      'test/support/swagger-transformer.js',
      'test/support/transpile-transformer.js',
      'test/support/openapi-transformer.js',
      'test/support/register-ts.js',
      'test/support/test-sequencer.js',
      'jest.config.js',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: BOUNDARIES }],
    },
  },
  {
    // Pure domain code: no framework, no database, no other context at run time (types are fine).
    files: ['libs/*/src/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...BOUNDARIES,
            { group: FRAMEWORK, message: 'domain/ is plain TypeScript.' },
            {
              group: ['@app/*', '!@app/platform'],
              allowTypeImports: true,
              message: 'Use `import type` from another context.',
            },
          ],
          paths: [{ name: '@app/platform', message: 'Import only pure platform parts (e.g. @app/platform/errors).' }],
        },
      ],
    },
  },
  {
    // Only infrastructure/ talks to the database.
    files: ['libs/*/src/{application,http}/**/*.ts'],
    ignores: ['libs/platform/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...BOUNDARIES,
            { group: ['typeorm', '@nestjs/typeorm', 'pg'], message: 'Only infrastructure/ touches the database.' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/api/**/*.ts', 'apps/worker/**/*.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    // The web app: React's rules of hooks, and the API only over HTTP (its generated types, never libs/).
    files: ['apps/web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    rules: {
      ...reactHooks.configs.flat['recommended-latest'].rules,
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@app/*', '**/libs/**'],
              message: 'The web app talks to the API over HTTP (src/api), not to its code.',
            },
          ],
        },
      ],
    },
  },
);
