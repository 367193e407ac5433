export * from './offer-expiry.scheduler';
export * from './agreement-reminders.scheduler';
