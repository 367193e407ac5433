// Runs a TypeScript entry point with ts-node and the @nestjs/swagger compiler plugin, as `nest build`
// and the Jest suites do, so a script that boots the API serves the same OpenAPI document.
// Usage: node -r ./scripts/ts-node-swagger.js <script.ts>
const swaggerTransformer = require('../test/support/swagger-transformer');

require('ts-node').register({
  project: require('node:path').join(__dirname, '..', 'tsconfig.json'),
  // The plugin reads types, so it needs the type checker's program: no transpile-only mode here.
  transformers: (program) => ({ before: [swaggerTransformer.factory({ program })] }),
});
require('tsconfig-paths/register');
