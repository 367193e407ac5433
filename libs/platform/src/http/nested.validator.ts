import { Type as NestType, applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsObject, ValidateNested, ValidationOptions } from 'class-validator';

/**
 * A nested object validated as `type`. Arrays, null and primitives are refused as not an object
 * (ValidateNested alone walks into an array as if it were a list of such objects).
 */
export function NestedObject(type: () => NestType, options: ValidationOptions = {}): PropertyDecorator {
  return applyDecorators(IsObject(options), ValidateNested(options), Type(type));
}

/** An array of nested objects, each validated as `type`; an element that is not an object is refused. */
export function NestedObjects(type: () => NestType, options: ValidationOptions = {}): PropertyDecorator {
  return applyDecorators(
    IsArray(options),
    IsObject({ ...options, each: true }),
    ValidateNested({ ...options, each: true }),
    Type(type),
  );
}
