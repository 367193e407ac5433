// Compiles a file on its own (TypeScript's transpileModule), as ts-node's transpile-only mode does: the
// type checks are the static checks' (`tsc --noEmit`), and a type-checking compile of every file in every
// jest worker would cost more than half the suites' CPU time. Files whose compiled form needs types
// (the DTOs and controllers, for the OpenAPI plugin) go through ts-jest instead (jest.config.js).
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const ts = require('typescript');

const TSCONFIG = join(__dirname, '..', '..', 'tsconfig.json');
const { config } = ts.readConfigFile(TSCONFIG, ts.sys.readFile);
const { options } = ts.parseJsonConfigFileContent(config, ts.sys, join(__dirname, '..', '..'));
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
  .update(JSON.stringify(compilerOptions))
  .update(readFileSync(__filename))
  .digest('hex');

module.exports = {
  getCacheKey(source, path) {
    return createHash('sha256').update(VERSION).update(path).update('\0').update(source).digest('hex');
  },
  process(source, path) {
    const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: path });
    return { code: outputText };
  },
};
