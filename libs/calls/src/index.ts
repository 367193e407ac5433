export * from './calls.module';
export * from './application/calls.service';
export * from './domain/call';
export * from './domain/call-lifecycle';
export * from './domain/call-events';
export { SelectionConstraintsDto } from './http/call.dto';
