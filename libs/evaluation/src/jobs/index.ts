export * from './due-reminders.scheduler';
