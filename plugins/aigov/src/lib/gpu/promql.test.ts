import { DEFAULT_LABEL_NAMES, escapeRegex, podMetricQuery, promqlString } from './promql';

describe('promqlString and escapeRegex', () => {
  it('escapes quotes, backslashes and control characters', () => {
    expect(promqlString('a"b\\c\nd\u0001')).toBe('"a\\"b\\\\c\\nd\\x01"');
  });
  it('escapes every RE2 metacharacter', () => {
    expect(escapeRegex('a.b*c+d?e(f)g|h[i]j{k}l^m$n\\o')).toBe(
      'a\\.b\\*c\\+d\\?e\\(f\\)g\\|h\\[i\\]j\\{k\\}l\\^m\\$n\\\\o',
    );
  });
});

describe('podMetricQuery', () => {
  it('selects exactly the given pods under either label, one series per pod', () => {
    const q = podMetricQuery(
      'DCGM_FI_DEV_GPU_UTIL',
      'avg',
      { namespace: 'ml', pods: ['llm-1', 'llm.2'] },
      DEFAULT_LABEL_NAMES,
    );
    expect(q).toBe(
      'avg by (namespace, pod) (DCGM_FI_DEV_GPU_UTIL{namespace="ml",pod=~"llm-1|llm\\\\.2"})' +
        ' or avg by (exported_namespace, exported_pod) (DCGM_FI_DEV_GPU_UTIL{exported_namespace="ml",exported_pod=~"llm-1|llm\\\\.2"})',
    );
  });

  it('cannot be broken out of by a hostile pod or namespace name', () => {
    const q = podMetricQuery(
      'DCGM_FI_DEV_FB_USED',
      'sum',
      { namespace: 'ml"} or vector(1) #', pods: ['x"}) or vector(1) or (up{a=~"', 'y|.*'] },
      { ...DEFAULT_LABEL_NAMES, exportedPod: '' },
    );
    expect(q).toBe(
      'sum by (namespace, pod) (DCGM_FI_DEV_FB_USED{namespace="ml\\"} or vector(1) #",' +
        'pod=~"x\\"\\\\}\\\\) or vector\\\\(1\\\\) or \\\\(up\\\\{a=~\\"|y\\\\|\\\\.\\\\*"})',
    );
  });

  it('adds the cluster matcher when series carry a cluster label', () => {
    const q = podMetricQuery(
      'M',
      'avg',
      { namespace: 'ml', pods: ['p'], cluster: 'east' },
      { ...DEFAULT_LABEL_NAMES, exportedPod: '', cluster: 'cluster' },
    );
    expect(q).toBe('avg by (cluster, namespace, pod) (M{namespace="ml",pod=~"p",cluster="east"})');
  });

  it('refuses names that are not Prometheus names and empty selections', () => {
    expect(() =>
      podMetricQuery('M{x}', 'avg', { namespace: 'ml', pods: ['p'] }, DEFAULT_LABEL_NAMES),
    ).toThrow('Invalid metric name');
    expect(() =>
      podMetricQuery(
        'M',
        'avg',
        { namespace: 'ml', pods: ['p'] },
        { ...DEFAULT_LABEL_NAMES, pod: 'pod"}' },
      ),
    ).toThrow('Invalid Prometheus label name for pod');
    expect(() =>
      podMetricQuery('M', 'avg', { namespace: 'ml', pods: [] }, DEFAULT_LABEL_NAMES),
    ).toThrow('No pods');
  });
});
