export * from './lib/errors';
export * from './lib/health';
export * from './lib/pagination';
export * from './lib/platform';
export * from './lib/entities';
