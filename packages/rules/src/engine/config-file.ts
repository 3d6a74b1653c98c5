import { LineCounter, parseDocument } from 'yaml';
import { DocumentSourceMap } from '../load/source-map';
import { formatPath } from '../model';
import type { AigovConfig } from './config';
import { configSchema } from './config-schema';
import type { Rule } from './rule';
import { validateSchema } from './validate-schema';

export const CONFIG_FILE_NAMES = ['.aigov.yaml', '.aigov.yml'] as const;

/** A configuration problem, with the place in the config file that causes it. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${file}:${line}:${column}: ${message}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses and validates an .aigov.yaml text. Throws a ConfigError naming the first problem's
 * line; never ignores an unknown key or a bad value.
 */
export function parseConfig(text: string, file: string, rules: readonly Rule[]): AigovConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const pos = lineCounter.linePos(error.pos[0]);
    throw new ConfigError(`invalid YAML: ${error.message.split('\n')[0]}`, file, pos.line, pos.col);
  }
  const value: unknown = doc.toJS({ maxAliasCount: 100 }) ?? {};
  const sourceMap = new DocumentSourceMap(doc.contents, lineCounter, 0);
  const errors = validateSchema(value, configSchema(rules));
  const first = errors[0];
  if (first) {
    const at = first.atKey ? sourceMap.locateKey(first.path) : sourceMap.locate(first.path);
    const where = first.path.length > 0 && !first.atKey ? `${formatPath(first.path)}: ` : '';
    const more =
      errors.length > 1
        ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})`
        : '';
    throw new ConfigError(`${where}${first.message}${more}`, file, at.line, at.column);
  }
  return value as AigovConfig;
}
