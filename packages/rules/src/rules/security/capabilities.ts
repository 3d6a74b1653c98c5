import { defineRule } from '../../engine/rule';
import { asArray, asString, getIn } from '../../util/json';
import {
  addedCapabilities,
  containerFieldPath,
  containerSecurityContext,
  hasLinuxPodSpec,
  normalizeCapability,
} from '../../util/security-context';

/** What each default dangerous capability gives, for the message. */
const WHY: Readonly<Record<string, string>> = {
  ALL: 'every capability',
  SYS_ADMIN: 'mounts, namespaces and most of root',
  SYS_MODULE: 'loading kernel modules',
  SYS_RAWIO: 'raw access to devices and I/O ports',
  SYS_PTRACE: 'tracing and reading the memory of other processes',
  SYS_BOOT: 'rebooting the node',
  SYS_TIME: 'setting the node clock',
  NET_ADMIN: 'reconfiguring interfaces, routes and firewall rules',
  NET_RAW: 'raw sockets: packet spoofing and sniffing',
  BPF: 'loading BPF programs into the kernel',
  PERFMON: 'kernel performance monitoring and BPF tracing',
  DAC_READ_SEARCH: 'reading any file, the open_by_handle_at escape included',
  MAC_ADMIN: 'changing the AppArmor/SELinux policy',
  MAC_OVERRIDE: 'bypassing the AppArmor/SELinux policy',
  SYSLOG: 'reading the kernel log, kernel addresses included',
  AUDIT_CONTROL: 'changing the kernel audit rules',
  LINUX_IMMUTABLE: 'changing immutable and append-only files',
  CHECKPOINT_RESTORE: 'checkpointing and restoring other processes',
};

const DEFAULT_DANGEROUS = Object.keys(WHY);

function capabilitySet(value: unknown): Set<string> {
  return new Set(
    asArray(value)
      .map((v) => asString(v))
      .filter((v): v is string => v !== undefined)
      .map(normalizeCapability),
  );
}

export default defineRule({
  meta: {
    id: 'security/capabilities',
    category: 'security',
    severity: 'warning',
    tags: ['pod-security'],
    description: 'A container that adds dangerous Linux capabilities, or does not drop ALL.',
    rationale:
      'Container runtimes grant a default set of capabilities (CHOWN, SETUID, NET_RAW, …) that most ' +
      'workloads never use; NET_RAW alone allows spoofing traffic inside the cluster network. Capabilities such ' +
      'as SYS_ADMIN, SYS_MODULE, SYS_PTRACE, NET_ADMIN or BPF turn a compromised container into a compromised ' +
      'node. Dropping ALL and adding back only what the process needs (NET_BIND_SERVICE for a port below ' +
      '1024, IPC_LOCK for RDMA memory registration) keeps the blast radius small. Names are compared without ' +
      'case and without the CAP_ prefix, as the container runtime does.',
    remediation:
      'Set securityContext.capabilities.drop: ["ALL"] on every container and add back only the capabilities ' +
      'it needs. When a dangerous one is really required (SYS_PTRACE for py-spy in a debugging pod), list it ' +
      'in the allowedCapabilities option of this rule or suppress the finding with a reason.',
    anchors: [
      'Polaris dangerousCapabilities',
      'Polaris insecureCapabilities',
      'Checkov CKV_K8S_25',
      'Checkov CKV_K8S_28',
      'Checkov CKV_K8S_37',
    ],
    messages: {
      dangerous: 'Container "{{container}}" adds capability {{capability}}{{why}}.',
      dropAllMissing: 'Container "{{container}}" does not drop ALL capabilities.',
    },
    options: {
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          dangerousCapabilities: {
            type: 'array',
            items: { type: 'string' },
            description: 'Capabilities reported when a container adds them (with or without CAP_).',
          },
          allowedCapabilities: {
            type: 'array',
            items: { type: 'string' },
            description:
              'Dangerous capabilities accepted anyway (for example SYS_PTRACE for profilers).',
          },
          requireDropAll: {
            type: 'boolean',
            description: 'Report containers whose capabilities.drop does not contain ALL.',
          },
        },
      },
      defaults: {
        dangerousCapabilities: DEFAULT_DANGEROUS,
        allowedCapabilities: [],
        requireDropAll: true,
      },
    },
  },
  check(ctx) {
    const dangerous = capabilitySet(ctx.options.dangerousCapabilities);
    const allowed = capabilitySet(ctx.options.allowedCapabilities);
    const requireDropAll = ctx.options.requireDropAll !== false;
    for (const { container, template } of ctx.containers()) {
      if (!hasLinuxPodSpec(template)) continue;
      const r = ctx.on(template, container);
      for (const cap of addedCapabilities(container)) {
        if (!dangerous.has(cap.name) || allowed.has(cap.name)) continue;
        const why = WHY[cap.name];
        r.report('dangerous', cap.path, {
          container: container.name,
          capability: cap.name,
          why: why ? ` (${why})` : '',
        });
      }
      if (!requireDropAll) continue;
      const drop = getIn(containerSecurityContext(container), ['capabilities', 'drop']);
      if (!capabilitySet(drop).has('ALL'))
        r.report('dropAllMissing', containerFieldPath(container, 'capabilities', 'drop'), {
          container: container.name,
        });
    }
  },
});
