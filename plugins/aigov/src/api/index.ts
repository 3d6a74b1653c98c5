export { aigovApiRef, AigovResponseFormatError } from './AigovApi';
export type { AigovApi, AigovGroupName, AigovHistoryOptions } from './AigovApi';
export { AigovClient } from './AigovClient';
