import { CONFIG_FILE_NAMES } from '../engine/config-file';

/**
 * Which files a directory scan reads, the same for the CLI and the Action: YAML and JSON files,
 * outside version-control and dependency folders, except aigov's own configuration.
 */
const MANIFEST_FILE = /\.(ya?ml|json)$/i;
const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['.git', 'node_modules', '.turbo']);
const CONFIG_FILES: ReadonlySet<string> = new Set(CONFIG_FILE_NAMES);

/** A file name (no directory) a directory scan reads. */
export function isManifestFileName(name: string): boolean {
  return MANIFEST_FILE.test(name) && !CONFIG_FILES.has(name);
}

/** A directory name a directory scan does not enter. */
export function isSkippedDirectory(name: string): boolean {
  return SKIPPED_DIRECTORIES.has(name);
}
