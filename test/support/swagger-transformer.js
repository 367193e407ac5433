// Lets ts-jest apply the @nestjs/swagger compiler plugin, as `nest build` does, so tests see the same OpenAPI document.
const transformer = require('@nestjs/swagger/plugin');

module.exports.name = 'nestjs-swagger-transformer';
module.exports.version = 1;
module.exports.factory = (compilerState) =>
  transformer.before(
    { classValidatorShim: true, introspectComments: true, dtoFileNameSuffix: ['.dto.ts'] },
    compilerState.program,
  );
