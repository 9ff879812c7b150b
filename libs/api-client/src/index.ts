export * from './lib/api-error';
export * from './lib/http-client';
export * from './lib/hooks';
export * from './lib/query-client';
export * from './lib/query-keys';
export * from './lib/resources/health';
export * from './lib/resources/platform';
export * from './lib/resources/public-entities';
