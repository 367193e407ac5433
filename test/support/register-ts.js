// Runs the TypeScript sources in a process the tests start (the API, the worker or the admin command
// line as a process of its own): each file compiled on its own as jest compiles it
// (transpile-transformer.js), its output kept on disk, so that the processes after the first read it
// instead of compiling every file again (8 s of CPU or more each through ts-node). Used with
// tsconfig-paths/register, which resolves the `@app/...` paths.
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const transformer = require('./transpile-transformer');

const CACHE = join(__dirname, '..', '..', 'node_modules', '.cache', 'test-processes');
mkdirSync(CACHE, { recursive: true });

require.extensions['.ts'] = (module, filename) => {
  const source = readFileSync(filename, 'utf8');
  const cached = join(CACHE, `${transformer.getCacheKey(source, filename)}.js`);
  let code;
  try {
    code = readFileSync(cached, 'utf8');
  } catch {
    code = transformer.process(source, filename).code;
    // Written aside then renamed: a process reading it at the same time never sees half of it.
    const partial = `${cached}.${process.pid}`;
    writeFileSync(partial, code);
    renameSync(partial, cached);
  }
  module._compile(code, filename);
};
