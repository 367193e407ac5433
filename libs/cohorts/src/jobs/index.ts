export * from './offer-expiry.scheduler';
export * from './agreement-reminders.scheduler';
export * from './cohorts.jobs';
export * from './cohorts.processor';
