export { main, USAGE } from './main';
export type { Output } from './output';
