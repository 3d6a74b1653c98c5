/**
 * The thin layer between the runner (@actions/core) and the review (lib/, which does not import
 * @actions/* so that it can be unit-tested without an ESM setup).
 */
import * as core from '@actions/core';
import { createGitHubApi } from './github';
import type { Annotation } from './lib/outcome';
import { review } from './lib/review';
import type { Platform } from './lib/review';
import pkg from '../package.json';

function annotate(a: Annotation): void {
  const properties: core.AnnotationProperties = { title: a.title, file: a.file };
  if (a.startLine !== undefined) properties.startLine = a.startLine;
  if (a.endLine !== undefined) properties.endLine = a.endLine;
  if (a.startColumn !== undefined) properties.startColumn = a.startColumn;
  if (a.endColumn !== undefined) properties.endColumn = a.endColumn;
  if (a.level === 'error') core.error(a.message, properties);
  else if (a.level === 'warning') core.warning(a.message, properties);
  else core.notice(a.message, properties);
}

export const platform: Platform = {
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  notice: (m) => core.notice(m),
  debug: (m) => core.debug(m),
  annotate,
  setOutput: (name, value) => core.setOutput(name, value),
  appendSummary: async (markdown) => {
    if (!process.env.GITHUB_STEP_SUMMARY) {
      core.info('GITHUB_STEP_SUMMARY is not set: no job summary.');
      return;
    }
    try {
      await core.summary.addRaw(markdown, true).write();
    } catch (error) {
      core.warning(`aigov: could not write the job summary: ${(error as Error).message}`);
    }
  },
  setFailed: (m) => core.setFailed(m),
};

export async function run(): Promise<void> {
  await review({
    getInput: (name) => core.getInput(name),
    env: process.env,
    cwd: process.cwd(),
    platform,
    createApi: (token, apiUrl) =>
      createGitHubApi({ token, apiUrl, env: process.env, log: (m) => core.info(m) }),
    version: pkg.version,
  });
}
