import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES, allRules, parseConfig } from '@aigov/rules';
import type { AigovConfig } from '@aigov/rules';
import { UsageError } from './errors';
import { displayPath } from './files';

export interface LoadedConfig {
  config: AigovConfig;
  /** The file it came from, when there is one. */
  file?: string;
}

/** The nearest .aigov.yaml or .aigov.yml in `start` or a directory above it. */
export async function findConfig(start: string): Promise<string | undefined> {
  let dir = path.resolve(start);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      const st = await fs.stat(candidate).catch(() => undefined);
      if (st?.isFile()) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads the given config file, or the one found upward from the first scanned path. */
export async function loadConfig(
  explicit: string | undefined,
  firstPath: string | undefined,
  cwd: string,
): Promise<LoadedConfig> {
  let file: string | undefined;
  if (explicit) {
    file = path.resolve(cwd, explicit);
    const st = await fs.stat(file).catch(() => undefined);
    if (!st?.isFile()) throw new UsageError(`config file not found: ${explicit}`);
  } else {
    let start = cwd;
    if (firstPath && firstPath !== '-') {
      const abs = path.resolve(cwd, firstPath);
      const st = await fs.stat(abs).catch(() => undefined);
      start = st?.isDirectory() ? abs : path.dirname(abs);
    }
    file = await findConfig(start);
  }
  if (!file) return { config: {} };
  const text = await fs.readFile(file, 'utf8');
  // ConfigError carries file:line:column; main prints it as one line with exit code 2.
  return { config: parseConfig(text, displayPath(file, cwd), allRules), file };
}
