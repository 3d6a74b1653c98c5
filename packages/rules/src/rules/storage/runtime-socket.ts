import { defineRule } from '../../engine/rule';
import { asArray, asString } from '../../util/json';
import { isUnder, normalizePath, volumesOf } from '../../util/volumes';

/** Sockets of Docker, containerd, CRI-O, k3s, cri-dockerd and Podman on their usual paths. */
const RUNTIME_SOCKETS = [
  '/run/containerd/containerd.sock',
  '/var/run/containerd/containerd.sock',
  '/run/k3s/containerd/containerd.sock',
  '/var/run/k3s/containerd/containerd.sock',
  '/run/crio/crio.sock',
  '/var/run/crio/crio.sock',
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/var/run/cri-dockerd.sock',
  '/run/cri-dockerd.sock',
  '/var/run/dockershim.sock',
  '/run/podman/podman.sock',
  '/var/run/podman/podman.sock',
];

/**
 * `/var` is not counted as holding `/var/run`: on current distributions that is a symlink to
 * `/run`, which a mount of `/var` does not follow (storage/host-path still reports it).
 */
const NOT_HOLDING = new Set(['/var']);

export default defineRule({
  meta: {
    id: 'storage/runtime-socket',
    category: 'storage',
    severity: 'error',
    tags: ['security'],
    description: 'A container runtime socket mounted.',
    rationale:
      'Whoever can talk to the container runtime socket (Docker, containerd, CRI-O) can start a privileged ' +
      'container on the node, read every other container, and so own the node and its GPUs, whatever the pod ' +
      'security settings say. Mounting the directory that holds the socket (`/var/run`, `/run/containerd`, or the ' +
      "node's root) exposes it just the same.",
    remediation:
      'Remove the hostPath volume. Build images with a daemonless builder (BuildKit rootless, Kaniko, Buildah) and ' +
      'read container metadata from the Kubernetes API or the kubelet instead of the runtime.',
    anchors: ['kube-linter docker-sock', 'Checkov CKV_K8S_27'],
    messages: {
      socket:
        'Volume "{{volume}}" mounts the container runtime socket "{{hostPath}}" from the node.',
      directory:
        'Volume "{{volume}}" mounts host directory "{{hostPath}}", which holds the container runtime socket "{{socket}}".',
    },
    options: {
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          additionalSockets: {
            type: 'array',
            items: { type: 'string' },
            description:
              'More runtime socket paths to look for (for example a custom containerd root).',
          },
        },
      },
      defaults: { additionalSockets: [] },
    },
  },
  check(ctx) {
    const sockets = [
      ...RUNTIME_SOCKETS,
      ...asArray(ctx.options.additionalSockets)
        .filter((p): p is string => typeof p === 'string' && p.startsWith('/'))
        .map(normalizePath),
    ];
    for (const template of ctx.bundle.templates) {
      if (!template.ownsPodSpec) continue;
      const reporter = ctx.on(template);
      for (const volume of volumesOf(template)) {
        if (volume.source !== 'hostPath') continue;
        const raw = asString(volume.sourceValue?.path) ?? asString(volume.value.hostPath);
        if (raw === undefined || !raw.startsWith('/')) continue;
        const hostPath = normalizePath(raw);
        const path = volume.sourceValue
          ? [...volume.path, 'hostPath', 'path']
          : [...volume.path, 'hostPath'];
        if (sockets.includes(hostPath)) {
          reporter.report('socket', path, { volume: volume.name, hostPath: raw });
          continue;
        }
        const socket = NOT_HOLDING.has(hostPath)
          ? undefined
          : sockets.find((s) => isUnder(s, hostPath));
        if (socket)
          reporter.report('directory', path, { volume: volume.name, hostPath: raw, socket });
      }
    }
  },
});
