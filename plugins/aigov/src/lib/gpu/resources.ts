import { DEFAULT_SETTINGS } from '@aigov/rules';

/** How a container holds its GPUs. */
export type GpuShareKind =
  /** Whole devices: `nvidia.com/gpu`, `amd.com/gpu`… */
  | 'whole'
  /** A Multi-Instance GPU slice: `nvidia.com/mig-1g.5gb`. */
  | 'mig'
  /** A time-sliced or MPS share of a device: `nvidia.com/gpu.shared`. */
  | 'shared';

export interface GpuResourceKind {
  kind: GpuShareKind;
  /** The MIG profile (`1g.5gb`) for slices. */
  profile?: string;
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/** Recognises GPU extended resources by the rules core's `gpuResources` patterns. */
export function gpuResourceMatcher(
  patterns: readonly string[] = DEFAULT_SETTINGS.gpuResources,
): (resource: string) => boolean {
  const regexps = patterns.map(globToRegExp);
  return (resource) => regexps.some((r) => r.test(resource));
}

export function classifyGpuResource(resource: string): GpuResourceKind {
  const mig = /^nvidia\.com\/mig-(.+)$/.exec(resource);
  if (mig?.[1]) return { kind: 'mig', profile: mig[1] };
  if (/\.shared$/.test(resource) || /\/shared-gpu$/.test(resource)) return { kind: 'shared' };
  return { kind: 'whole' };
}

/**
 * A device count as Kubernetes accepts it for extended resources: a whole number, written as
 * a number or a string. Anything else (`500m`, `1.5`, `"x"`) is undefined.
 */
export function parseDeviceCount(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}
