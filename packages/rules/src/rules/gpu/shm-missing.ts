import type { ContainerRef, PodTemplate } from '../../bundle/workload';
import type { Reporter, RuleContext } from '../../engine/context';
import { defineRule } from '../../engine/rule';
import { asObject } from '../../util/json';
import type { Mount, Volume } from './gpu-resources';
import {
  SHM_PATH,
  isKServeRuntimeContainer,
  kserveRuntimeMounts,
  memoryEmptyDir,
  mountsOf,
  rayInjectsShm,
  volumesOf,
} from './gpu-resources';

type MessageId = 'missing' | 'diskBacked';

/** Whether something is mounted at /dev/shm, and the volume behind it when the pod has it. */
function shmOf(
  mounts: readonly Mount[],
  volumes: ReadonlyMap<string, Volume>,
): { volume: Volume | undefined } | undefined {
  const mount = mounts.find((m) => m.mountPath === SHM_PATH);
  if (!mount) return undefined;
  return { volume: mount.name === undefined ? undefined : volumes.get(mount.name) };
}

function checkContainer(
  ctx: RuleContext<MessageId>,
  template: PodTemplate,
  container: ContainerRef,
): void {
  const volumes = volumesOf(template.spec);
  let shm = shmOf(mountsOf(container.value), volumes);
  if (!shm && isKServeRuntimeContainer(template, container)) {
    // KServe builds this container's pod from a ServingRuntime too; without it we cannot tell.
    const merged = kserveRuntimeMounts(ctx.bundle, template, container);
    if (!merged) return;
    shm = shmOf(merged.mounts, merged.volumes);
  }
  const reporter: Reporter<MessageId> = ctx.on(template, container);
  if (!shm) {
    if (!rayInjectsShm(template, container))
      reporter.report('missing', [...container.path, 'volumeMounts'], {
        container: container.name,
      });
    return;
  }
  const volume = shm.volume;
  // A memory emptyDir is what we want; hostPath /dev/shm and other volume types are left alone.
  if (!volume || !asObject(volume.value.emptyDir) || memoryEmptyDir(volume.value)) return;
  // A ServingRuntime's volume lives in another object: only volumes of this pod are reported.
  if (volumes.get(volume.name) !== volume) return;
  reporter.report(
    'diskBacked',
    [...template.specPath, 'volumes', volume.index, 'emptyDir', 'medium'],
    {
      container: container.name,
      volume: volume.name,
    },
  );
}

export default defineRule({
  meta: {
    id: 'gpu/shm-missing',
    category: 'gpu',
    severity: 'warning',
    tags: ['gpu', 'storage'],
    description:
      'GPU workload with no memory-backed emptyDir at `/dev/shm` (PyTorch, NCCL, tensor parallel).',
    rationale:
      'Container runtimes give a container a 64 MiB /dev/shm. PyTorch DataLoader workers pass batches ' +
      'through shared memory, NCCL uses it between GPUs of one node, and tensor-parallel model servers (vLLM, ' +
      'SGLang, TensorRT-LLM, Triton) need far more than 64 MiB: the job dies with "bus error" or "unable to ' +
      'write to file </torch_...>" or NCCL errors, usually only under real load. Mounting an emptyDir with ' +
      'medium: Memory at /dev/shm gives the container a tmpfs of the size it needs. KubeRay mounts one in the ' +
      "Ray container itself and hostIPC shares the node's /dev/shm, so those pass; a KServe model container " +
      'is checked together with the ServingRuntime it names when that is in the scanned set.',
    remediation:
      'Add a volume `{name: dshm, emptyDir: {medium: Memory, sizeLimit: 16Gi}}` to the pod and mount it in ' +
      'each GPU container with `{name: dshm, mountPath: /dev/shm}`; size it for the data loader workers and ' +
      "the tensor-parallel degree, within the container's memory limit.",
    messages: {
      missing:
        'GPU container "{{container}}" has no memory-backed emptyDir at /dev/shm, so it gets the runtime\'s 64 MiB.',
      diskBacked:
        'GPU container "{{container}}" mounts volume "{{volume}}" at /dev/shm, but the emptyDir is disk-backed; ' +
        'set medium: Memory.',
    },
  },
  check(ctx) {
    for (const template of ctx.bundle.templates) {
      if (!template.ownsPodSpec) continue;
      for (const container of template.containers) {
        if (container.init || !ctx.facts.usesGpu(container)) continue;
        if (template.spec.hostIPC === true) ctx.on(template, container);
        else checkContainer(ctx, template, container);
      }
    }
  },
});
