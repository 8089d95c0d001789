export * from './redis-url';
export * from './embedded-redis';
export * from './redis-connection';
