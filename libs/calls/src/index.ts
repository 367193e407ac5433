export * from './calls.module';
export * from './application/calls.service';
export * from './domain/call';
export * from './domain/call-lifecycle';
export * from './domain/call-events';
export { DEFAULT_STAGE_NAME, stageAt } from './domain/review-stages';
export { SelectionConstraintsDto } from './http/call-parts.dto';
export { StageQueryDto } from './http/call.dto';
