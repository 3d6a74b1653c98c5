export { CsvDownloadButton, csvFileName } from './CsvDownloadButton';
export type { CsvDownloadButtonProps } from './CsvDownloadButton';
