export * from './data-source-options';
export * from './migrate';
export * from './embedded-postgres';
export * from './database.module';
export * from './transaction';
export * from './read-data-source';
