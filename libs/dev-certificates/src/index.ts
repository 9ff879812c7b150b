export * from './lib/self-signed';
