/**
 * Every project runs its suites in parallel; each jest worker of the end-to-end and browser projects has
 * its own copy of the run's database and its own Redis database (test/support/test-env.ts).
 */
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const transform = {
  '^.+\\.ts$': [
    'ts-jest',
    {
      tsconfig: 'tsconfig.json',
      astTransformers: {
        before: ['<rootDir>/test/support/swagger-transformer.js'],
      },
    },
  ],
};

/**
 * openid-client and its dependencies ship ES modules only, which Jest's CommonJS runtime cannot
 * require before Node 24.9 (Node itself can, from 20.19): they are compiled to CommonJS like the sources.
 */
const ESM_ONLY_PACKAGES = ['openid-client', 'oauth4webapi', 'jose'];
transform[`/node_modules/(${ESM_ONLY_PACKAGES.join('|')})/.+\\.js$`] = [
  'ts-jest',
  { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022' }, isolatedModules: true },
];

const common = {
  rootDir: __dirname,
  transform,
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY_PACKAGES.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testEnvironment: 'node',
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
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
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts', '<rootDir>/test/integration/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFiles: ['<rootDir>/test/support/test-env.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      // Builds apps/web when the build is older than its sources, after the end-to-end database setup.
      globalSetup: '<rootDir>/test/support/browser-global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFiles: ['<rootDir>/test/support/test-env.ts'],
    },
  ],
};
