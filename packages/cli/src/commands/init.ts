import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS } from '@aigov/rules';
import { UsageError } from '../errors';
import type { Output } from '../output';

function yamlList(values: readonly string[]): string {
  return `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;
}

/** A commented starter configuration: every setting with its default, commented out. */
export function starterConfig(): string {
  const s = DEFAULT_SETTINGS;
  return `# aigov configuration. Reference: docs/configuration.md
# Schema: https://github.com/aigov-dev/aigov/blob/main/packages/rules/schema/aigov.schema.json

# Preset: recommended (default), strict (infos become warnings; ignore annotations need a reason) or all.
extends: recommended

# Whether the scanned directories hold every object of their namespaces. Rules that conclude
# something is missing (a NetworkPolicy, a PodDisruptionBudget, an HPA's target) need this.
# Default: true when scanning whole directories, false for single files.
# complete: true

# Severity per rule id or category: error, warning, info or off.
rules: {}
  # resources/cpu-limit-missing: info
  # security/*: warning
  # gpu/probe-budget-too-short: error

# Settings shared by rules (defaults shown).
settings: {}
  # gpuResources: ${yamlList(s.gpuResources)}
  # gpuTaints: ${yamlList(s.gpuTaints)}
  # modelLoadSeconds: ${s.modelLoadSeconds}
  # minReplicas: ${s.minReplicas}
  # kueueRequired: ${s.kueueRequired}
  # modelPaths: ${yamlList(s.modelPaths)}

# Findings to accept, with the reason (kept in reports as suppressed).
exemptions: []
  # - namespace: gpu-operator
  #   kind: DaemonSet
  #   rules: [security/privileged, storage/host-path]
  #   reason: The NVIDIA driver daemonset needs host access.
`;
}

export async function runInit(cwd: string, force: boolean, out: Output): Promise<number> {
  const target = path.join(cwd, '.aigov.yaml');
  const exists = await fs.stat(target).then(
    () => true,
    () => false,
  );
  if (exists && !force)
    throw new UsageError('.aigov.yaml already exists (use --force to overwrite)');
  await fs.writeFile(target, starterConfig());
  out.stdout(`Wrote ${path.relative(cwd, target) || '.aigov.yaml'}\n`);
  return 0;
}
