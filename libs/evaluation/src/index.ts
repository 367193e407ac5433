export * from './evaluation.module';
export * from './application/assignments.service';
export * from './application/evaluations.service';
export * from './domain/evaluation';
