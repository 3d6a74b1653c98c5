import { DEFAULT_CUSTOM_RESOURCES } from '@aigov/rules';
import { ConfigReader } from '@backstage/config';
import { DEFAULT_SCHEDULE, readAigovConfig } from './config';

const DAY = 86_400_000;

describe('readAigovConfig', () => {
  it('has defaults for everything', () => {
    const options = readAigovConfig(new ConfigReader({}));
    expect(options.schedule).toEqual(DEFAULT_SCHEDULE);
    expect(options.customResources).toEqual(DEFAULT_CUSTOM_RESOURCES);
    expect(options.concurrency).toBe(4);
    expect(options.requestTimeoutMs).toBe(60_000);
    expect(options.retention).toEqual({ allMs: DAY, hourlyMs: 7 * DAY, dailyMs: 365 * DAY });
    expect(options.rules.preset).toBe('recommended');
  });

  it('reads every key', () => {
    const options = readAigovConfig(
      new ConfigReader({
        aigov: {
          schedule: {
            frequency: { cron: '*/30 * * * *' },
            timeout: 'PT20M',
            initialDelay: { seconds: 5 },
          },
          customResources: [
            { group: 'ray.io', apiVersion: 'v1', plural: 'rayclusters', kind: 'RayCluster' },
            { apiVersion: 'v1', plural: 'persistentvolumeclaims' },
          ],
          concurrency: 8,
          requestTimeout: '30s',
          retention: { all: { hours: 6 }, hourly: { days: 14 }, daily: 'P2Y' },
          rules: {
            extends: 'strict',
            rules: { 'gpu/shm-missing': 'error', 'security/*': 'off' },
            settings: { minReplicas: 3 },
          },
        },
      }),
    );
    expect(options.schedule).toEqual({
      frequency: { cron: '*/30 * * * *' },
      timeout: { minutes: 20 },
      initialDelay: { seconds: 5 },
    });
    expect(options.customResources).toEqual([
      { group: 'ray.io', apiVersion: 'v1', plural: 'rayclusters', kind: 'RayCluster' },
      { group: '', apiVersion: 'v1', plural: 'persistentvolumeclaims' },
    ]);
    expect(options.concurrency).toBe(8);
    expect(options.requestTimeoutMs).toBe(30_000);
    expect(options.retention).toEqual({
      allMs: 6 * 3_600_000,
      hourlyMs: 14 * DAY,
      dailyMs: 730 * DAY,
    });
    expect(options.rules.preset).toBe('strict');
    expect(options.rules.levels.get('gpu/shm-missing')).toBe('error');
    expect(options.rules.levels.get('security/run-as-root')).toBe('off');
    expect(options.rules.settings.minReplicas).toBe(3);
  });

  it('stops with the key at fault on a mistake', () => {
    const read = (aigov: object) => () => readAigovConfig(new ConfigReader({ aigov }));
    expect(read({ rules: { rules: { 'gpu/shm-mising': 'error' } } })).toThrow(
      /^Invalid config: aigov\.rules\.rules: unknown property "gpu\/shm-mising"/,
    );
    expect(read({ rules: { settings: { minReplicas: 'two' } } })).toThrow(
      /^Invalid config: aigov\.rules\.settings\.minReplicas: /,
    );
    expect(read({ concurrency: 0 })).toThrow('aigov.concurrency must be an integer from 1 to 64');
    expect(read({ retention: { hourly: { days: 400 } } })).toThrow('all <= hourly <= daily');
    expect(read({ retention: { daily: 'nonsense' } })).toThrow();
    expect(read({ customResources: [{ group: 'x', plural: 'ys' }] })).toThrow(/apiVersion/);
    expect(read({ customResources: [{ group: 3, apiVersion: 'v1', plural: 'ys' }] })).toThrow(
      'aigov.customResources[0].group must be a string',
    );
  });
});
