export * from './metric';
export * from './registry';
