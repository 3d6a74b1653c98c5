import { mockApis } from '@backstage/test-utils';
import { readGpuSettings, readLiveViewSettings } from './config';
import { DEFAULT_CUSTOM_RESOURCES } from '@aigov/rules';

describe('readLiveViewSettings', () => {
  it('defaults to a minute and the default custom resources', () => {
    expect(readLiveViewSettings(mockApis.config())).toEqual({
      refreshIntervalMs: 60_000,
      customResources: DEFAULT_CUSTOM_RESOURCES,
    });
  });
  it('reads the interval and replaces the custom resources', () => {
    const config = mockApis.config({
      data: {
        aigov: {
          refreshIntervalSeconds: 0,
          kubernetes: {
            customResources: [{ group: 'x.io', apiVersion: 'v1', plural: 'things', kind: 'Thing' }],
          },
        },
      },
    });
    expect(readLiveViewSettings(config)).toEqual({
      refreshIntervalMs: 0,
      customResources: [{ group: 'x.io', apiVersion: 'v1', plural: 'things', kind: 'Thing' }],
    });
  });
  it('says which key is wrong', () => {
    const config = mockApis.config({
      data: { aigov: { kubernetes: { customResources: [{ group: 'x.io' }] } } },
    });
    expect(() => readLiveViewSettings(config)).toThrow(/apiVersion/);
  });
});

describe('readGpuSettings', () => {
  it('has defaults for the proxy, the window and the labels', () => {
    const s = readGpuSettings(mockApis.config());
    expect(s).toEqual({
      refreshIntervalMs: 60_000,
      idleThresholdPercent: 5,
      prometheus: {
        proxyPath: '/prometheus',
        rangeSeconds: 3600,
        stepSeconds: 60,
        labels: {
          pod: 'pod',
          namespace: 'namespace',
          exportedPod: 'exported_pod',
          exportedNamespace: 'exported_namespace',
          cluster: '',
        },
      },
    });
  });
  it('reads every key', () => {
    const s = readGpuSettings(
      mockApis.config({
        data: {
          aigov: {
            gpu: {
              idleThresholdPercent: 10,
              prometheus: {
                proxyPath: 'thanos/',
                rangeMinutes: 30,
                stepSeconds: 15,
                labels: {
                  pod: 'kubernetes_pod',
                  exportedNamespace: 'src_namespace',
                  cluster: 'cluster',
                },
              },
            },
          },
        },
      }),
    );
    expect(s.idleThresholdPercent).toBe(10);
    expect(s.prometheus).toEqual({
      proxyPath: '/thanos',
      rangeSeconds: 1800,
      stepSeconds: 15,
      labels: {
        pod: 'kubernetes_pod',
        namespace: 'namespace',
        exportedPod: 'exported_pod',
        exportedNamespace: 'src_namespace',
        cluster: 'cluster',
      },
    });
    expect(s.prometheusDisabled).toBeUndefined();
  });
  it('turns live usage off when asked or when a label name is invalid', () => {
    expect(
      readGpuSettings(
        mockApis.config({ data: { aigov: { gpu: { prometheus: { enabled: false } } } } }),
      ).prometheusDisabled,
    ).toMatch(/enabled is false/);
    expect(
      readGpuSettings(
        mockApis.config({ data: { aigov: { gpu: { prometheus: { labels: { pod: 'pod"}' } } } } } }),
      ).prometheusDisabled,
    ).toMatch(/labels\.pod is not a Prometheus label name/);
  });
});
