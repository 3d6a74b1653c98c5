/** What a Kubernetes API path asks for. */
export type KubeRoute =
  | { type: 'version' }
  | { type: 'health' }
  | { type: 'api' }
  | { type: 'apis' }
  | { type: 'group'; group: string }
  | { type: 'resources'; group: string; version: string }
  | { type: 'list'; group: string; version: string; plural: string; namespace?: string }
  | {
      type: 'get';
      group: string;
      version: string;
      plural: string;
      namespace?: string;
      name: string;
      subresource?: string;
    };

/** Subresources of a namespace that share the position of a namespaced resource's plural. */
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

function resourcePath(group: string, version: string, rest: string[]): KubeRoute | undefined {
  let namespace: string | undefined;
  let tail = rest;
  if (
    rest[0] === 'namespaces' &&
    rest.length >= 3 &&
    !(rest.length === 3 && NAMESPACE_SUBRESOURCES.has(rest[2] as string))
  ) {
    namespace = rest[1] as string;
    tail = rest.slice(2);
  }
  const [plural, name, subresource, ...extra] = tail;
  if (!plural || extra.length > 0) return undefined;
  const ns = namespace === undefined ? {} : { namespace };
  if (name === undefined) return { type: 'list', group, version, plural, ...ns };
  return {
    type: 'get',
    group,
    version,
    plural,
    ...ns,
    name,
    ...(subresource === undefined ? {} : { subresource }),
  };
}

/** Parses the path of a request to the API server; undefined when no route has that shape. */
export function parseKubePath(pathname: string): KubeRoute | undefined {
  let segments: string[];
  try {
    segments = pathname
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
  const [root, a, b, ...rest] = segments;
  if (segments.length === 1 && root === 'version') return { type: 'version' };
  if (segments.length === 1 && (root === 'healthz' || root === 'livez' || root === 'readyz'))
    return { type: 'health' };
  if (root === 'api') {
    if (a === undefined) return { type: 'api' };
    if (b === undefined) return { type: 'resources', group: '', version: a };
    return resourcePath('', a, [b, ...rest]);
  }
  if (root === 'apis') {
    if (a === undefined) return { type: 'apis' };
    if (b === undefined) return { type: 'group', group: a };
    if (rest.length === 0) return { type: 'resources', group: a, version: b };
    return resourcePath(a, b, rest);
  }
  return undefined;
}
