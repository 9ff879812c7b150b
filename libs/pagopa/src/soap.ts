export * from './lib/soap';
