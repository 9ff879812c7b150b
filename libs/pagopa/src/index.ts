export * from './lib/fiscal-code';
export * from './lib/iban';
export * from './lib/notice-number';
export * from './lib/money';
export * from './lib/onboarding';
export * from './lib/taxonomy';
export * from './lib/notice-payloads';
