export * from './lib/testing/render';
