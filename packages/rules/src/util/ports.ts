/**
 * The ports a container declares (`ports[]`), by name and number, and how a probe, a Service
 * `targetPort` or a scrape annotation refers to one.
 */
import type { ContainerRef, PodTemplate } from '../bundle/workload';
import type { Path } from '../model';
import { asArray, asNumber, asString, isObject } from './json';

export interface DeclaredPort {
  /** `ports[].name`, when set. */
  name: string | undefined;
  /** `ports[].containerPort`, when it is a number. */
  number: number | undefined;
  /** `ports[].protocol`, `TCP` by default. */
  protocol: string;
  /** The container that declares it. */
  container: string;
  /** Path of the `ports[]` entry; undefined for a port an operator adds to the pod it creates. */
  path: Path | undefined;
}

/** A port as a probe, a Service `targetPort` or an annotation names it. */
export type PortRef = { type: 'number'; value: number } | { type: 'name'; value: string };

const RAY_KINDS = new Set(['RayCluster', 'RayService', 'RayJob']);

/** The ports written in the container's `ports[]` list. */
export function containerPorts(container: ContainerRef): DeclaredPort[] {
  const out: DeclaredPort[] = [];
  asArray(container.value.ports).forEach((entry, i) => {
    if (!isObject(entry)) return;
    out.push({
      name: asString(entry.name) || undefined,
      number: asNumber(entry.containerPort),
      protocol: asString(entry.protocol) ?? 'TCP',
      container: container.name,
      path: [...container.path, 'ports', i],
    });
  });
  return out;
}

/**
 * Ports an operator adds to the container of the pods it creates: KubeRay gives the Ray
 * container (the first one of a head or worker pod) a `metrics` port 8080 unless it has one.
 */
export function impliedPorts(template: PodTemplate, container: ContainerRef): DeclaredPort[] {
  const kind = template.workload.manifest.kind;
  const isRayContainer =
    RAY_KINDS.has(kind) &&
    template.workload.manifest.group === 'ray.io' &&
    template.role !== 'submitter' &&
    !container.init &&
    container.index === 0;
  if (!isRayContainer || containerPorts(container).some((p) => p.name === 'metrics')) return [];
  return [
    { name: 'metrics', number: 8080, protocol: 'TCP', container: container.name, path: undefined },
  ];
}

/** The ports the container has in a running pod: its own and those its operator adds. */
export function portsOf(template: PodTemplate, container: ContainerRef): DeclaredPort[] {
  return [...containerPorts(container), ...impliedPorts(template, container)];
}

/** The ports of every container of the pod, init (sidecar) containers included. */
export function podPorts(template: PodTemplate): DeclaredPort[] {
  return template.containers.flatMap((c) => portsOf(template, c));
}

/**
 * Reads an IntOrString port reference. A string of digits counts as its number (templated YAML
 * often quotes numbers); any other non-empty string is a port name.
 */
export function parsePortRef(value: unknown): PortRef | undefined {
  if (typeof value === 'number') return { type: 'number', value };
  const text = asString(value)?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return { type: 'number', value: Number(text) };
  return { type: 'name', value: text };
}

/** Whether a number is a port the API accepts (1–65535). */
export function isValidPortNumber(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 65535;
}

/** The declared port a reference resolves to, by name or by number. */
export function findPort(ports: readonly DeclaredPort[], ref: PortRef): DeclaredPort | undefined {
  return ref.type === 'name'
    ? ports.find((p) => p.name === ref.value)
    : ports.find((p) => p.number === ref.value);
}

/** The port number a reference resolves to among the ports, or undefined. */
export function portNumber(ports: readonly DeclaredPort[], ref: PortRef): number | undefined {
  return ref.type === 'number' ? ref.value : findPort(ports, ref)?.number;
}
