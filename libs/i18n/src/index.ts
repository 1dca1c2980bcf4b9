export * from './i18n';
export * from './formats';
export * from './field-labels';
