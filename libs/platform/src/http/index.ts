export * from './configure-http-app';
export * from './if-match';
export * from './openapi';
export * from './pagination.dto';
export * from './request-context';
export * from './problem-details.filter';
export * from './validation.pipe';
export * from './number-map.validator';
