export { AigovIcon } from './AigovIcon';
