export * from './offer-expiry.scheduler';
