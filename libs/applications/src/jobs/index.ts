export * from './deadline-reminders.scheduler';
