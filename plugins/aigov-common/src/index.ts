/**
 * Types, API paths and permissions shared by the aigov Backstage plugins.
 *
 * @packageDocumentation
 */
export * from './permissions';
export * from './types';
export * from './paths';
export * from './counts';
export * from './csv';
