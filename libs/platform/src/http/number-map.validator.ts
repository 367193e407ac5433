import { ValidationOptions, registerDecorator } from 'class-validator';

export interface NumberMapRule {
  /** Allowed keys; any when absent. */
  keys?: readonly string[];
  integer: boolean;
  /** Values must be greater than this (positive) or at least it (non-negative). */
  above?: number;
  atLeast?: number;
  message: string;
}

/** An object whose values are numbers by the rule, under the rule's keys. */
export function IsNumberMap(rule: NumberMapRule, options?: ValidationOptions): PropertyDecorator {
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
