import { defineRule } from '../../engine/rule';
import type { ContainerRef } from '../../bundle/workload';
import { asArray, asString, isObject } from '../../util/json';
import {
  claimNameOf,
  claimTemplateNames,
  isUnder,
  mountsOf,
  normalizePath,
  pathMatcher,
  volumeNamed,
} from '../../util/volumes';
import type { MountRef } from '../../util/volumes';

/** Variables that make a directory a download cache, which the server must be able to write. */
const CACHE_VARS = new Set([
  'HF_HOME',
  'HF_HUB_CACHE',
  'HUGGINGFACE_HUB_CACHE',
  'TRANSFORMERS_CACHE',
  'HF_DATASETS_CACHE',
  'SENTENCE_TRANSFORMERS_HOME',
  'XDG_CACHE_HOME',
  'TORCH_HOME',
  'VLLM_CACHE_ROOT',
]);

/** Server flags whose value is a download directory (vLLM, SGLang, TGI). */
const DOWNLOAD_FLAGS = ['--download-dir', '--download_dir', '--huggingface-hub-cache'];

/** TGI images set HUGGINGFACE_HUB_CACHE=/data and download the model there. */
const TGI_IMAGE = /text-generation-inference/;
const TGI_CACHE = '/data';

/** Directories the container writes downloads to: cache variables, download flags, image defaults. */
function cacheDirs(container: ContainerRef): string[] {
  const out: string[] = [];
  for (const e of asArray(container.value.env)) {
    if (!isObject(e)) continue;
    const name = asString(e.name);
    const value = asString(e.value);
    if (name && CACHE_VARS.has(name) && value?.startsWith('/')) out.push(normalizePath(value));
  }
  const words = [...asArray(container.value.command), ...asArray(container.value.args)]
    .filter((w): w is string => typeof w === 'string')
    .flatMap((w) => w.split(/\s+/));
  words.forEach((word, i) => {
    for (const flag of DOWNLOAD_FLAGS) {
      const value =
        word === flag
          ? words[i + 1]
          : word.startsWith(`${flag}=`)
            ? word.slice(flag.length + 1)
            : undefined;
      if (value?.startsWith('/')) out.push(normalizePath(value.replace(/^["']|["']$/g, '')));
    }
  });
  if (TGI_IMAGE.test(asString(container.value.image) ?? '')) out.push(TGI_CACHE);
  return out;
}

function isCache(mount: MountRef, caches: readonly string[]): boolean {
  const path = mount.mountPath ?? '';
  if (/\/\.cache(\/|$)/.test(path)) return true;
  return caches.some((dir) => isUnder(dir, path) || isUnder(path, dir));
}

export default defineRule({
  meta: {
    id: 'storage/model-volume-writable',
    category: 'storage',
    severity: 'info',
    tags: ['security', 'reliability'],
    description: 'A model volume mounted read-write by an inference server.',
    rationale:
      'A model server only reads its weights. Mounted read-write, a shared model volume can be corrupted or ' +
      'replaced by any replica: a bug, a partial download or a compromised server then poisons the model every ' +
      'other replica loads. A read-only mount also lets the claim be shared across nodes as ReadOnlyMany. ' +
      "Download caches (HF_HOME and similar, `--download-dir`, `.cache` directories, TGI's /data) are written by " +
      'design and are not reported, nor are per-replica volumeClaimTemplates.',
    remediation:
      'Set `readOnly: true` on the volumeMount (or on the persistentVolumeClaim volume). Populate the volume ' +
      'with a separate Job, and run the server with offline settings such as HF_HUB_OFFLINE=1.',
    messages: {
      writable:
        'Container "{{container}}" mounts model volume "{{volume}}" (PersistentVolumeClaim "{{claim}}") at "{{path}}" read-write.',
    },
  },
  check(ctx) {
    const isModelPath = pathMatcher(ctx.settings.modelPaths);
    for (const { container, template, workload } of ctx.containers({ init: false })) {
      if (!template.ownsPodSpec || !ctx.facts.isInferenceServer(workload)) continue;
      const claimTemplates = claimTemplateNames(workload);
      const caches = cacheDirs(container);
      const modelMounts = mountsOf(container).flatMap((mount) => {
        if (mount.mountPath === undefined || !isModelPath(mount.mountPath)) return [];
        if (claimTemplates.has(mount.name) || isCache(mount, caches)) return [];
        const volume = volumeNamed(template, mount.name);
        const claim = volume ? claimNameOf(volume) : undefined;
        return volume && claim ? [{ mount, volume, claim }] : [];
      });
      if (modelMounts.length === 0) continue;
      const reporter = ctx.on(template, container);
      for (const { mount, volume, claim } of modelMounts) {
        if (mount.readOnly || volume.sourceValue?.readOnly === true) continue;
        reporter.report('writable', [...mount.path, 'readOnly'], {
          container: container.name,
          volume: mount.name,
          claim,
          path: mount.mountPath ?? '',
        });
      }
    }
  },
});
