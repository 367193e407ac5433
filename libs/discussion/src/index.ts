export * from './discussion.module';
export * from './application/discussion.service';
export * from './domain/discussion';
