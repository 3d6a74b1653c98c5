import { defineRule } from '../../engine/rule';
import type { ContainerRef, PodTemplate } from '../../bundle/workload';
import type { Path } from '../../model';
import { asArray, asObject, asString, isObject } from '../../util/json';
import {
  claimTemplateNames,
  isUnder,
  mountHolding,
  mountsOf,
  normalizePath,
  pathMatcher,
  volumeNamed,
} from '../../util/volumes';
import type { MountRef } from '../../util/volumes';

/** Where KServe's storage initializer puts the model of a `storageUri`. */
const KSERVE_MODEL_DIR = '/mnt/models';

interface PathEnv {
  name: string;
  value: string;
  path: Path;
}

/** Model-path variables of a container with a literal absolute path as value. */
function pathEnvs(container: ContainerRef, names: ReadonlySet<string>): PathEnv[] {
  const out: PathEnv[] = [];
  asArray(container.value.env).forEach((e, i) => {
    if (!isObject(e)) return;
    const name = asString(e.name);
    const value = asString(e.value);
    if (!name || !names.has(name) || !value || !value.startsWith('/') || value.includes('$('))
      return;
    out.push({ name, value: normalizePath(value), path: [...container.path, 'env', i, 'value'] });
  });
  return out;
}

/**
 * `emptyDir` or `ephemeral` when the mount's volume is lost with the pod; undefined for
 * persistent or unknown volumes. A generic ephemeral volume pre-populated from a snapshot or
 * another claim (`dataSource`, `dataSourceRef`) counts as persistent: its content comes back.
 */
function ephemeralKind(
  template: PodTemplate,
  mount: MountRef,
  claimTemplates: ReadonlySet<string>,
): 'emptyDir' | 'ephemeral' | undefined {
  if (claimTemplates.has(mount.name)) return undefined;
  const volume = volumeNamed(template, mount.name);
  if (volume?.source === 'emptyDir') return 'emptyDir';
  if (volume?.source === 'ephemeral') {
    const spec = asObject(asObject(volume.sourceValue?.volumeClaimTemplate)?.spec);
    return spec && (isObject(spec.dataSource) || isObject(spec.dataSourceRef))
      ? undefined
      : 'ephemeral';
  }
  return undefined;
}

/**
 * A variable that names where a model is read from (MODEL_PATH, MODEL_DIR) may point into the
 * image itself, which is a fine way to ship weights; caches, download and checkpoint
 * directories (HF_HOME, OLLAMA_MODELS, CHECKPOINT_DIR) are written to.
 */
function mayBeInImage(variable: string): boolean {
  return /MODEL_(PATH|DIR|REPO|REPOSITORY)$/i.test(variable);
}

/** A KServe component with a storageUri gets its model at /mnt/models from KServe itself. */
function kserveProvidesModel(template: PodTemplate, container: ContainerRef): boolean {
  const m = template.workload.manifest;
  if (m.kind !== 'InferenceService') return false;
  return (
    asString(container.value.storageUri) !== undefined ||
    asString(template.spec.storageUri) !== undefined
  );
}

export default defineRule({
  meta: {
    id: 'storage/ephemeral-model-volume',
    category: 'storage',
    severity: 'warning',
    tags: ['gpu', 'performance'],
    description:
      'A model, data or checkpoint path (`/models`, `/data`, `/checkpoints`, `HF_HOME`, configurable) on emptyDir or the container filesystem instead of a PVC.',
    rationale:
      'Model weights are tens to hundreds of gigabytes. Kept on an emptyDir, a generic ephemeral volume or the ' +
      "container's own filesystem, they are downloaded again every time a pod is replaced: each rollout, " +
      'reschedule or scale-up waits minutes on the download while a GPU sits idle, and a hub outage stops scaling ' +
      'altogether. Checkpoints written there are lost with the pod, so a preempted training run starts over. A ' +
      'PersistentVolumeClaim (or a StatefulSet claim template, or an ephemeral volume restored from a snapshot) ' +
      'keeps them.',
    remediation:
      'Mount a PersistentVolumeClaim at the model, data or checkpoint path (ReadOnlyMany or ReadWriteMany to ' +
      'share it between replicas), and point HF_HOME and similar variables into it. For KServe, use a `pvc://` ' +
      'storageUri or a model cache; for StatefulSets, a volumeClaimTemplate.',
    messages: {
      mount:
        'Container "{{container}}" mounts {{volumeKind}} volume "{{volume}}" at "{{path}}": its models or data are lost whenever the pod is replaced.',
      env: 'Container "{{container}}" sets {{variable}} to "{{path}}", on {{volumeKind}} volume "{{volume}}": it is lost whenever the pod is replaced.',
      containerFilesystem:
        'Container "{{container}}" sets {{variable}} to "{{path}}", which is on no volume: the container filesystem, lost on every restart.',
    },
  },
  check(ctx) {
    const isModelPath = pathMatcher(ctx.settings.modelPaths);
    const envNames = new Set(ctx.settings.modelPathEnvVars);
    for (const { container, template, workload } of ctx.containers({ init: false })) {
      if (!template.ownsPodSpec) continue;
      const mounts = mountsOf(container);
      const modelMounts = mounts.filter(
        (m) => m.mountPath !== undefined && isModelPath(m.mountPath),
      );
      const envs = pathEnvs(container, envNames);
      if (modelMounts.length === 0 && envs.length === 0) continue;
      const reporter = ctx.on(template, container);
      const claimTemplates = claimTemplateNames(workload);
      const reported = new Set<MountRef>();
      for (const mount of modelMounts) {
        const kind = ephemeralKind(template, mount, claimTemplates);
        if (!kind) continue;
        reported.add(mount);
        reporter.report('mount', [...mount.path, 'mountPath'], {
          container: container.name,
          volumeKind: kind,
          volume: mount.name,
          path: mount.mountPath ?? '',
        });
      }
      for (const env of envs) {
        const holder = mountHolding(mounts, env.value);
        const data = { container: container.name, variable: env.name, path: env.value };
        if (!holder) {
          if (mayBeInImage(env.name)) continue;
          if (isUnder(env.value, KSERVE_MODEL_DIR) && kserveProvidesModel(template, container))
            continue;
          reporter.report('containerFilesystem', env.path, data);
          continue;
        }
        if (reported.has(holder)) continue;
        const kind = ephemeralKind(template, holder, claimTemplates);
        if (kind)
          reporter.report('env', env.path, { ...data, volumeKind: kind, volume: holder.name });
      }
    }
  },
});
