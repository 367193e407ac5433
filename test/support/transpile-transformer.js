// Compiles a file on its own (TypeScript's transpileModule), as ts-node's transpile-only mode does: the
// type checks are the static checks' (`tsc --noEmit`), and a type-checking compile of every file in every
// jest worker would cost more than half the suites' CPU time. Files whose compiled form needs types
// (the DTOs and controllers, for the OpenAPI plugin) go through ts-jest instead (jest.config.js).
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const ts = require('typescript');

const ROOT = join(__dirname, '..', '..');
const TSCONFIG = join(ROOT, 'tsconfig.json');
const { config } = ts.readConfigFile(TSCONFIG, ts.sys.readFile);
const { options } = ts.parseJsonConfigFileContent(config, ts.sys, ROOT);
const compilerOptions = {
  ...options,
  module: ts.ModuleKind.CommonJS,
  allowJs: true,
  sourceMap: false,
  inlineSourceMap: true,
  inlineSources: true,
  declaration: false,
};
const VERSION = createHash('sha256')
  .update(ts.version)
  // The options name the checkout's directory (baseUrl, the tsconfig's path): keyed without it.
  .update(JSON.stringify(compilerOptions).split(ROOT).join('<rootDir>'))
  .update(readFileSync(__filename))
  .digest('hex');

module.exports = {
  getCacheKey(source, path) {
    return createHash('sha256').update(VERSION).update(relative(ROOT, path)).update('\0').update(source).digest('hex');
  },
  process(source, path) {
    const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: path });
    return { code: outputText };
  },
};
