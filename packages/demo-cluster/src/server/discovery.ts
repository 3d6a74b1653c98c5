import type { JsonObject } from '../util/json';
import type { ResourceRegistry } from './registry';
import { READ_VERBS } from './resources';

/** What `GET /version` answers: the Kubernetes release the demo cluster pretends to be. */
export const VERSION_INFO = {
  major: '1',
  minor: '31',
  gitVersion: 'v1.31.4',
  gitCommit: 'a78aa47129b8539636eb86a9d00e31b2720fe06b',
  gitTreeState: 'clean',
  buildDate: '2024-12-10T18:24:41Z',
  goVersion: 'go1.22.9',
  compiler: 'gc',
  platform: 'linux/amd64',
} as const;

/** `GET /api`. */
export function apiVersions(serverAddress: string): JsonObject {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function groupEntry(name: string, versions: readonly string[]): JsonObject {
  const list = versions.map((version) => ({ groupVersion: `${name}/${version}`, version }));
  return { name, versions: list, preferredVersion: list[0] ?? null };
}

/** `GET /apis`: every served group, custom resources included when their CRD is installed. */
export function apiGroupList(registry: ResourceRegistry): JsonObject {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: registry.groups().map((g) => groupEntry(g.name, g.versions)),
  };
}

/** `GET /apis/<group>`, or undefined when the group is not served. */
export function apiGroup(registry: ResourceRegistry, group: string): JsonObject | undefined {
  const found = registry.groups().find((g) => g.name === group);
  if (!found) return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(found.name, found.versions) };
}

/** `GET /api/v1` or `GET /apis/<group>/<version>`, or undefined when not served. */
export function apiResourceList(
  registry: ResourceRegistry,
  group: string,
  version: string,
): JsonObject | undefined {
  const types = registry.all().filter((r) => r.group === group && r.version === version);
  if (types.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources: types.map((r) => ({
      name: r.plural,
      singularName: r.singular,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: READ_VERBS,
      ...(r.shortNames ? { shortNames: r.shortNames } : {}),
    })),
  };
}
