/** Where the CLI writes; tests capture it instead of the process streams. */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
  warn(message: string): void;
  progress(message: string): void;
  /** Whether stdout is a terminal that wants colour (TTY, NO_COLOR unset, or FORCE_COLOR set). */
  colorStdout: boolean;
}

export function processOutput(): Output {
  const env = process.env;
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0';
  const colorStdout = forced || (Boolean(process.stdout.isTTY) && env.NO_COLOR === undefined);
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    warn: (message) => void process.stderr.write(`aigov: warning: ${message}\n`),
    progress: (message) => {
      if (process.stderr.isTTY) process.stderr.write(`${message}\n`);
    },
    colorStdout,
  };
}
