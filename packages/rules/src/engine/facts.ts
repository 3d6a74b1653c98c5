import type { Bundle } from '../bundle/bundle';
import type { ContainerRef, PodTemplate, Workload } from '../bundle/workload';
import type { JsonValue } from '../model';
import { asString, globToRegExp, matchesAny } from '../util/json';
import { resourceLists } from '../util/container-resources';
import { parseQuantity } from '../util/quantity';
import type { Settings } from './settings';

export interface GpuResource {
  /** The resource name, e.g. `nvidia.com/gpu` or `nvidia.com/mig-1g.5gb`. */
  name: string;
  request: JsonValue | undefined;
  limit: JsonValue | undefined;
}

/**
 * What the rules need to know about workloads beyond their shape: which use GPUs, which serve
 * models, which train. Depends on the settings; computed once per evaluation.
 */
export class Facts {
  private readonly gpuPatterns: RegExp[];
  private readonly serverTokens: Set<string>;
  private readonly gpuContainers = new Map<ContainerRef, GpuResource[]>();
  private readonly gpuWorkloads = new Map<Workload, boolean>();
  private readonly inference = new Map<Workload, boolean>();

  constructor(
    readonly bundle: Bundle,
    readonly settings: Settings,
  ) {
    this.gpuPatterns = settings.gpuResources.map(globToRegExp);
    this.serverTokens = new Set(settings.modelServers.map((s) => s.toLowerCase()));
  }

  isGpuResource(name: string): boolean {
    return matchesAny(name, this.gpuPatterns);
  }

  /** GPU resources a container names in requests or limits (any value, even invalid ones). */
  gpuResources(container: ContainerRef): GpuResource[] {
    let out = this.gpuContainers.get(container);
    if (out) return out;
    out = [];
    const { requests, limits } = resourceLists(container);
    const names = new Set([...Object.keys(requests), ...Object.keys(limits)]);
    for (const name of names) {
      if (this.isGpuResource(name))
        out.push({ name, request: requests[name], limit: limits[name] });
    }
    this.gpuContainers.set(container, out);
    return out;
  }

  /** The container asks for at least one GPU (a zero count does not make it a GPU container). */
  usesGpu(container: ContainerRef): boolean {
    return this.gpuResources(container).some(
      (r) =>
        (parseQuantity(r.limit) ?? 0) > 0 ||
        (parseQuantity(r.request) ?? 0) > 0 ||
        (r.limit !== undefined && parseQuantity(r.limit) === undefined) ||
        (r.request !== undefined && parseQuantity(r.request) === undefined),
    );
  }

  isGpuTemplate(template: PodTemplate): boolean {
    return template.containers.some((c) => this.usesGpu(c));
  }

  isGpuWorkload(workload: Workload): boolean {
    let v = this.gpuWorkloads.get(workload);
    if (v === undefined) {
      v = workload.templates.some((t) => this.isGpuTemplate(t));
      this.gpuWorkloads.set(workload, v);
    }
    return v;
  }

  /** A model server: a serving kind, a long-running GPU workload, or a service running a known server. */
  isInferenceServer(workload: Workload): boolean {
    let v = this.inference.get(workload);
    if (v === undefined) {
      v =
        workload.serving ||
        (workload.class === 'service' &&
          (this.isGpuWorkload(workload) || this.namesModelServer(workload)));
      this.inference.set(workload, v);
    }
    return v;
  }

  /** A training run: Kubeflow jobs, TrainJob, RayJob, or a batch workload with GPUs. */
  isTraining(workload: Workload): boolean {
    return workload.training || (workload.class === 'batch' && this.isGpuWorkload(workload));
  }

  private namesModelServer(workload: Workload): boolean {
    for (const t of workload.templates) {
      for (const c of t.containers)
        if (this.hasServerToken(asString(c.value.image) ?? '')) return true;
      for (const key of [
        'app',
        'app.kubernetes.io/name',
        'app.kubernetes.io/component',
        'component',
      ]) {
        const value = t.labels[key];
        if (value && this.hasServerToken(value)) return true;
      }
    }
    return false;
  }

  /** Whether an image or label names a model server as a whole word (`vllm/vllm-openai`, `tgi`). */
  hasServerToken(text: string): boolean {
    const lower = text.toLowerCase();
    // Image path segments without registry host and tag, then their dash/underscore/dot parts.
    const path = lower.replace(/[@:][^/]*$/, '');
    for (const segment of path.split('/')) {
      if (this.serverTokens.has(segment)) return true;
      for (const token of segment.split(/[-_.]/)) if (this.serverTokens.has(token)) return true;
      for (const server of this.serverTokens)
        if (server.includes('-') || server.includes('.')) {
          if (
            segment === server ||
            segment.startsWith(`${server}-`) ||
            segment.endsWith(`-${server}`)
          )
            return true;
        }
    }
    return false;
  }
}
