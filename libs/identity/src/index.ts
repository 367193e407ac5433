export * from './identity.module';
export * from './application/countries.service';
export * from './application/organisations.service';
export * from './application/users.service';
export * from './domain/geography';
export * from './domain/organisation';
export * from './domain/user';
export * from './validation/region-map.validator';
