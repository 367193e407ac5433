/**
 * Every project runs its suites in parallel; each jest worker of the end-to-end and browser projects has
 * its own copy of the run's database and its own Redis database (test/support/test-env.ts).
 */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

/**
 * The DTOs and controllers compile through ts-jest with the @nestjs/swagger compiler plugin, as
 * `nest build` compiles them, so that tests see the same OpenAPI document; the plugin reads their types,
 * so they need the type checker's program, built only for a file not in jest's cache
 * (test/support/openapi-transformer.js). Every other file is compiled on its own, without types.
 */
const transform = {
  '\\.(dto|controller)\\.ts$': [
    '<rootDir>/test/support/openapi-transformer.js',
    {
      tsconfig: 'tsconfig.json',
      // The static checks type-check everything; here the program only serves the plugin.
      diagnostics: false,
      astTransformers: {
        before: ['<rootDir>/test/support/swagger-transformer.js'],
      },
    },
  ],
  '^.+\\.ts$': '<rootDir>/test/support/transpile-transformer.js',
};

/**
 * openid-client and its dependencies ship ES modules only, which Jest's CommonJS runtime cannot
 * require before Node 24.9 (Node itself can, from 20.19): they are compiled to CommonJS like the sources.
 */
const ESM_ONLY_PACKAGES = ['openid-client', 'oauth4webapi', 'jose'];
transform[`/node_modules/(${ESM_ONLY_PACKAGES.join('|')})/.+\\.js$`] =
  '<rootDir>/test/support/transpile-transformer.js';

/**
 * Each project names its transform cache (`id`) rather than letting Jest name it from the checkout's path,
 * and the transformers key a file by its path in the repository: another checkout of the same sources
 * (a fresh clone on a CI machine, a second working copy) finds them compiled already.
 */
const common = {
  rootDir: __dirname,
  transform,
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY_PACKAGES.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testEnvironment: 'node',
};

module.exports = {
  // A worker that ran a few suites holds gigabytes (each suite loads the whole application): with four
  // of them on the machine, garbage collection took a large share of the run. Past this it is restarted
  // between suites (JEST_WORKER_ID, hence its database copy and Redis database, stays the same).
  workerIdleMemoryLimit: '1536MB',
  testSequencer: '<rootDir>/test/support/test-sequencer.js',
  projects: [
    {
      ...common,
      displayName: 'unit',
      id: 'unit',
      testMatch: [
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/test/support/**/*.spec.ts',
        '<rootDir>/test/bench/**/*.spec.ts',
        '<rootDir>/test/web/**/*.spec.ts',
        '<rootDir>/apps/web/src/**/*.spec.ts',
        '<rootDir>/apps/cli/src/**/*.spec.ts',
      ],
    },
    {
      ...common,
      displayName: 'e2e',
      id: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts', '<rootDir>/test/integration/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFiles: ['<rootDir>/test/support/test-env.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      id: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      // Builds apps/web when the build is older than its sources, after the end-to-end database setup.
      globalSetup: '<rootDir>/test/support/browser-global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFiles: ['<rootDir>/test/support/test-env.ts'],
    },
  ],
};
