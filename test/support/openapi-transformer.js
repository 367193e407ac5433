// The DTOs and controllers compile through ts-jest with the @nestjs/swagger plugin, which reads their
// types and so needs the type checker's program. ts-jest builds that program even to compute a file's
// cache key (it resolves the file's imports through it): some 10 s of CPU in every new jest worker, and
// jest starts a new one whenever a worker holds too much memory. Here the cache key is the file with a
// digest of every TypeScript source the plugin may read types from, computed once per worker, so that
// ts-jest, and its program, only run for a file not compiled yet.
const { createHash } = require('node:crypto');
const { readFileSync, readdirSync } = require('node:fs');
const { join, relative } = require('node:path');
const { TsJestTransformer } = require('ts-jest');

const ROOT = join(__dirname, '..', '..');
/** Where the types a DTO or a controller names come from; the web app's are never among them. */
const SOURCE_DIRS = ['libs', 'apps/api', 'apps/worker', 'apps/cli'];

let sourcesDigest;

/** A digest of the sources, the configuration and the packages; computed on the first cache key asked. */
function digestOfSources(transformerConfig) {
  if (sourcesDigest) return sourcesDigest;
  const hash = createHash('sha256');
  hash.update(readFileSync(__filename));
  hash.update(readFileSync(join(__dirname, 'swagger-transformer.js')));
  hash.update(readFileSync(join(ROOT, 'tsconfig.json')));
  // The packages' types and the compilers, by their locked versions.
  hash.update(readFileSync(join(ROOT, 'package-lock.json')));
  // Its paths (the plugin's) are the checkout's: keyed without it.
  hash.update(JSON.stringify(transformerConfig).split(ROOT).join('<rootDir>'));
  for (const dir of SOURCE_DIRS) {
    const files = readdirSync(join(ROOT, dir), { recursive: true })
      .filter((file) => file.endsWith('.ts') && !file.split(/[\\/]/).includes('node_modules'))
      .sort();
    for (const file of files) {
      hash.update(`${dir}/${file}\0`);
      hash.update(readFileSync(join(ROOT, dir, file)));
    }
  }
  sourcesDigest = hash.digest('hex');
  return sourcesDigest;
}

module.exports = {
  createTransformer(transformerConfig) {
    let tsJest;
    const compiler = () => (tsJest ??= new TsJestTransformer(transformerConfig));
    return {
      getCacheKey(source, path, options) {
        return createHash('sha256')
          .update(digestOfSources(transformerConfig))
          .update(`${options.instrument ? 'instrument' : ''}\0${relative(ROOT, path)}\0`)
          .update(source)
          .digest('hex');
      },
      process(source, path, options) {
        return compiler().process(source, path, options);
      },
    };
  },
};
