export * from './data-source-options';
export * from './migrate';
export * from './embedded/embedded-postgres';
export * from './embedded/embedded-start-error';
export * from './embedded/ports';
export * from './database.module';
export * from './transaction';
export * from './read-data-source';
