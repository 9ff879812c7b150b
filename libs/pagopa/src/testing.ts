export * from './lib/testing/xsd';
