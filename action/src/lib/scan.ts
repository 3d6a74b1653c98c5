/**
 * Configuration and scanning: the same pipeline as the CLI (find .aigov.yaml upward, select the
 * manifest files, `scan` from the rules core), run on any Tree.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
  CONFIG_FILE_NAMES,
  DEFAULT_LIMITS,
  allRules,
  parseConfig,
  scan,
  toResolvedConfig,
} from '@aigov/rules';
import type { AigovConfig, ResolvedConfig, ScanResult } from '@aigov/rules';
import { InputError } from './inputs';
import type { Selector } from './paths';
import type { Tree } from './tree';

export interface LoadedConfig {
  config: ResolvedConfig;
  /** Repository-relative path of the file read, when there is one. */
  file: string | undefined;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

async function isFile(p: string): Promise<boolean> {
  return (await fs.stat(p).catch(() => undefined))?.isFile() ?? false;
}

/**
 * The configuration: the `config-file` input (relative to the working directory), else the
 * nearest .aigov.yaml / .aigov.yml from `start` up to the repository root. Always read from the
 * working tree: on pull_request_target the pull request cannot change its own rules.
 */
export async function loadConfig(options: {
  repoRoot: string;
  workDir: string;
  configFile: string | undefined;
  start: string;
}): Promise<LoadedConfig> {
  let file: string | undefined;
  if (options.configFile) {
    file = path.resolve(options.workDir, options.configFile);
    if (!(await isFile(file)))
      throw new InputError(
        'config-file',
        `names a file that does not exist: ${options.configFile}`,
      );
  } else {
    let dir = path.resolve(options.start);
    const top = path.resolve(options.repoRoot);
    for (;;) {
      for (const name of CONFIG_FILE_NAMES) {
        const candidate = path.join(dir, name);
        if (await isFile(candidate)) {
          file = candidate;
          break;
        }
      }
      if (file || dir === top) break;
      const parent = path.dirname(dir);
      if (parent === dir || !parent.startsWith(top)) break;
      dir = parent;
    }
  }
  if (!file) return { config: toResolvedConfig({}), file: undefined };
  const display = toPosix(path.relative(options.repoRoot, file)) || path.basename(file);
  const text = await fs.readFile(file, 'utf8');
  // A ConfigError names file:line:column; the caller fails the step with it.
  const raw: AigovConfig = parseConfig(text, display, allRules);
  return { config: toResolvedConfig(raw), file: display };
}

export interface TreeScan {
  result: ScanResult;
  /** The files scanned (repository-relative). */
  files: string[];
}

/** Lists the tree under the selector's roots, reads the selected files and scans them. */
export async function scanTree(
  tree: Tree,
  selector: Selector,
  config: ResolvedConfig,
  complete: boolean,
): Promise<TreeScan> {
  const listed = await tree.list(selector.roots);
  const files = listed.filter((f) => selector.selects(f));
  const maxFileBytes = config.limits.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes;
  const inputs = await tree.read(files, maxFileBytes);
  return { result: scan(inputs, { config, complete }), files };
}
