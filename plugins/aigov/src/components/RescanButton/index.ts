export { RescanButton, isNewerFinishedRun } from './RescanButton';
export type { RescanButtonProps } from './RescanButton';
