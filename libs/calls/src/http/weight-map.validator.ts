import { ValidationOptions, registerDecorator } from 'class-validator';
import { REGIONS } from '@app/identity';

interface NumberMapRule {
  /** Allowed keys; any when absent. */
  keys?: readonly string[];
  integer: boolean;
  /** Values must be greater than this (positive) or at least it (non-negative). */
  above?: number;
  atLeast?: number;
  message: string;
}

function IsNumberMap(rule: NumberMapRule, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNumberMap',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: rule.message, ...options },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          return Object.entries(value).every(
            ([key, n]) =>
              (!rule.keys || rule.keys.includes(key)) &&
              typeof n === 'number' &&
              Number.isFinite(n) &&
              (!rule.integer || Number.isInteger(n)) &&
              (rule.above === undefined || n > rule.above) &&
              (rule.atLeast === undefined || n >= rule.atLeast),
          );
        },
      },
    });
}

/** `{ AFR: 2, EUR: 1 }`: keys are ITU regions, values non-negative integers. */
export const IsRegionMap = () =>
  IsNumberMap({
    keys: REGIONS,
    integer: true,
    atLeast: 0,
    message: `$property must map ITU regions (${REGIONS.join(', ')}) to non-negative integers`,
  });

/** `{ IMPACT: 0.3 }`: criterion codes to positive weights. */
export const IsWeightMap = () =>
  IsNumberMap({ integer: false, above: 0, message: '$property must map criterion codes to positive numbers' });
