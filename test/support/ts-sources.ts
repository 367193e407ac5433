import { join } from 'node:path';

/**
 * The Node options that run a TypeScript entry point of the sources (apps/<app>/src/main.ts) in a
 * process of its own, each file compiled once per checkout and then read from a cache
 * (test/support/register-ts.js), the `@app/...` paths resolved from tsconfig.json (which
 * TS_NODE_PROJECT names, see TS_SOURCES_ENV).
 */
export const TS_SOURCES_REQUIRE = ['-r', join(__dirname, 'register-ts.js'), '-r', 'tsconfig-paths/register'];

/** The environment TS_SOURCES_REQUIRE needs: tsconfig-paths reads the paths from this project. */
export const TS_SOURCES_ENV = { TS_NODE_PROJECT: 'tsconfig.json' };
