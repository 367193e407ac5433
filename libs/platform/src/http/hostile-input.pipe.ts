import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { ValidationError } from '../errors';
import { hostileInputErrors } from './hostile-input';

const CHECKED = new Set<ArgumentMetadata['type']>(['body', 'query', 'param']);

/**
 * Runs before DTO validation on every body, query string and path parameter of every route, so no
 * route can forget it: refuses NUL characters, lone surrogates and prototype keys with 400.
 */
@Injectable()
export class HostileInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (!CHECKED.has(metadata.type)) return value;
    const errors = hostileInputErrors(value, metadata.data ?? '');
    if (errors.length > 0) throw new ValidationError(errors);
    return value;
  }
}
