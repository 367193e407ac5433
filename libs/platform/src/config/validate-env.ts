import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/**
 * Reads a lib's settings from the environment into a validated, typed object and fails fast at
 * boot when one is malformed. Only this function reads `process.env`. Schema fields need explicit
 * type annotations (`PORT: number = 3000`): the conversion of the strings follows their metadata.
 */
export function readEnv<T extends object>(schema: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const settings = plainToInstance(schema, { ...env }, { enableImplicitConversion: true });
  const errors = validateSync(settings, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return settings;
}
