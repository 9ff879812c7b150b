export * from './lib/errors';
export * from './lib/health';
export * from './lib/pagination';
export * from './lib/platform';
export * from './lib/entities';
export * from './lib/stations';
export * from './lib/catalogue';
export * from './lib/identity';
