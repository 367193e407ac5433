export * from './moderation.module';
export * from './application/moderation.service';
export * from './domain/moderation';
