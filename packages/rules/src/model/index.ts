export * from './types';
export * from './finding';
