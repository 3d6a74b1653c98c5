import { parseArgs } from 'node:util';
import { ConfigError } from '@aigov/rules';
import { runExplain } from './commands/explain';
import { runInit } from './commands/init';
import { runRules } from './commands/rules';
import { parseFailOn, parseFormat, runScan } from './commands/scan';
import { UsageError } from './errors';
import { processOutput } from './output';
import type { Output } from './output';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const VERSION = (require('../package.json') as { version: string }).version;

export const USAGE = `Usage: aigov <command> [options]

Commands:
  scan [paths…|-]        Check Kubernetes manifests (files, directories, or - for stdin)
  rules                  List every rule
  explain <rule-id>      Show a rule's documentation
  init                   Write a commented .aigov.yaml

Scan options:
  -f, --format <fmt>     text (default), json, sarif, markdown, junit
  -o, --output <file>    Write the report to a file instead of stdout
  -c, --config <file>    Configuration file (default: nearest .aigov.yaml upward)
      --fail-on <level>  Exit 1 on findings at or above: error (default), warning, info, none
      --complete         The scanned set holds every object of its namespaces
      --no-complete      It does not (rules that need the whole picture are skipped)
      --exclude <glob>   Skip files matching a .gitignore-style pattern (repeatable)

Other options:
      --force            init: overwrite an existing .aigov.yaml
  -h, --help             Show this help
  -v, --version          Show the version

Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage or configuration error.
`;

export async function main(
  argv: readonly string[],
  out: Output = processOutput(),
  cwd = process.cwd(),
): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        'fail-on': { type: 'string' },
        complete: { type: 'boolean' },
        'no-complete': { type: 'boolean' },
        exclude: { type: 'string', multiple: true },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
    const [command, ...rest] = positionals;
    if (values.version) {
      out.stdout(`${VERSION}\n`);
      return 0;
    }
    if (values.help || !command) {
      out.stdout(USAGE);
      return values.help ? 0 : 2;
    }
    if (values.complete && values['no-complete'])
      throw new UsageError('--complete and --no-complete cannot be used together');
    switch (command) {
      case 'scan':
        return await runScan(
          {
            paths: rest,
            format: parseFormat(values.format ?? 'text'),
            output: values.output,
            config: values.config,
            failOn: parseFailOn(values['fail-on'] ?? 'error'),
            complete: values.complete ? true : values['no-complete'] ? false : undefined,
            exclude: values.exclude ?? [],
            cwd,
          },
          out,
        );
      case 'rules':
        return runRules(values.format ?? 'text', out);
      case 'explain':
        return await runExplain(rest[0], out);
      case 'init':
        return await runInit(cwd, values.force ?? false, out);
      default:
        throw new UsageError(`unknown command "${command}" (try: scan, rules, explain, init)`);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      out.stderr(`aigov: ${error.message}\n`);
      return 2;
    }
    // parseArgs reports unknown options and missing values with a code. Checked by shape:
    // the error may come from another realm (Jest runs code in a vm context).
    const code =
      typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    if (code.startsWith('ERR_PARSE_ARGS')) {
      out.stderr(`aigov: ${String((error as { message?: unknown }).message).split('\n')[0]}\n`);
      return 2;
    }
    throw error;
  }
}
