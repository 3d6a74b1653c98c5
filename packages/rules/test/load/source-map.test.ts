import { lines, loadText, where } from './helpers';

const DEPLOYMENT = lines(
  'apiVersion: apps/v1', //                                   1
  'kind: Deployment', //                                      2
  'metadata:', //                                             3
  '  name: vllm # the server', //                             4
  'spec:', //                                                 5
  '  replicas: "2"', //                                       6
  '  template:', //                                           7
  '    spec:', //                                             8
  '      containers:', //                                     9
  '        - name: server', //                                10
  '          image: vllm/vllm-openai:v0.8.5', //              11
  '          args: ["--model", "m", "--port", 8000]', //      12
  '          resources:', //                                  13
  '            limits:', //                                   14
  '              nvidia.com/gpu: 1', //                       15
  '          env:', //                                        16
  '            - name: A', //                                 17
  '              value: >-', //                               18
  '                folded', //                                19
  '                text', //                                  20
  '        - name: sidecar', //                               21
  '          image: busybox', //                              22
  '          resources:', //                                  23
  '      volumes: []', //                                     24
);

const C = ['spec', 'template', 'spec', 'containers'];

describe('source map', () => {
  const r = loadText(DEPLOYMENT);

  it('loads the example cleanly', () => {
    expect(r.findings).toEqual([]);
  });

  describe('a value that exists', () => {
    it.each([
      ['a plain scalar', [...C, 0, 'image'], '11:18-11:41'],
      ['a scalar with a trailing comment', ['metadata', 'name'], '4:9-4:13'],
      ['a quoted scalar, quotes included', ['spec', 'replicas'], '6:13-6:16'],
      ['an item of a flow sequence', [...C, 0, 'args', 3], '12:44-12:48'],
      ['a key with dots', [...C, 0, 'resources', 'limits', 'nvidia.com/gpu'], '15:31-15:32'],
      ['a folded block scalar, header to last line', [...C, 0, 'env', 0, 'value'], '18:22-21:1'],
    ])('points at %s', (_, path, at) => {
      expect(where(r, 0, path)).toBe(at);
    });

    it.each([
      ['a map', [...C, 0, 'resources'], '13:11-13:20'],
      ['a flow sequence', [...C, 0, 'args'], '12:11-12:15'],
      ['an empty flow sequence', ['spec', 'template', 'spec', 'volumes'], '24:7-24:14'],
      ['a block sequence', [...C], '9:7-9:17'],
    ])('points at the key of %s', (_, path, at) => {
      expect(where(r, 0, path)).toBe(at);
    });

    it('points at a whole sequence item that is a map, from its first key', () => {
      expect(where(r, 0, [...C, 0])).toBe('10:11-21:1');
      expect(where(r, 0, [...C, 0, 'env', 0])).toBe('17:15-21:1');
    });
  });

  describe('a value that is missing', () => {
    it.each([
      ['under an existing map', [...C, 0, 'resources', 'limits', 'memory'], '14:13-14:19'],
      ['two levels down', [...C, 0, 'resources', 'requests', 'cpu'], '13:11-13:20'],
      ['in a container with no such key', [...C, 0, 'livenessProbe', 'httpGet'], '10:11-21:1'],
      ['under a key with no value', [...C, 1, 'resources', 'limits'], '23:11-23:20'],
      ['past the end of a sequence', [...C, 5, 'name'], '9:7-9:17'],
      ['at the top level', ['status', 'phase'], '1:1-25:1'],
    ])('points at the deepest existing key %s', (_, path, at) => {
      expect(where(r, 0, path)).toBe(at);
    });

    it.each([
      ['a key into a sequence', [...C, 'name'], '9:7-9:17'],
      ['an index into a map', [...C, 0, 'resources', 0], '13:11-13:20'],
      ['a key into a scalar', [...C, 0, 'image', 'tag'], '11:11-11:16'],
    ])('stops at the last matching step for %s', (_, path, at) => {
      expect(where(r, 0, path)).toBe(at);
    });
  });

  it('points at the whole document for the empty path', () => {
    expect(where(r, 0, [])).toBe('1:1-25:1');
  });

  it('counts lines from the start of the file in later documents', () => {
    const two = loadText(`${DEPLOYMENT}---\n# second\n${DEPLOYMENT}`);
    expect(where(two, 1, [...C, 0, 'image'])).toBe('37:18-37:41');
    expect(where(two, 1, [...C, 0, 'resources', 'limits', 'memory'])).toBe('40:13-40:19');
  });

  it('counts columns in UTF-16 units after non-ASCII text', () => {
    const text = lines(
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: 😀, labels: {k: ok}}',
    );
    expect(where(loadText(text), 0, ['metadata', 'labels', 'k'])).toBe('3:34-3:36');
  });

  it('treats numeric and boolean keys as their string form', () => {
    const text = lines(
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: n}',
      'data:',
      '  8080: http',
      '  true: yes',
    );
    const n = loadText(text);
    expect(n.manifests[0]?.object.data).toEqual({ '8080': 'http', true: 'yes' });
    expect(where(n, 0, ['data', '8080'])).toBe('5:9-5:13');
    expect(where(n, 0, ['data', 'true'])).toBe('6:9-6:12');
  });
});
