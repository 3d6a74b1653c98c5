import { DEFAULT_LABEL_NAMES } from './promql';
import {
  PrometheusResponseError,
  isIdle,
  parseRangeResponse,
  podKeyOfSeries,
  summarize,
} from './series';

const matrix = (result: unknown[]) => ({
  status: 'success',
  data: { resultType: 'matrix', result },
});

describe('parseRangeResponse', () => {
  it('reads matrix series and drops samples that are not finite numbers', () => {
    const series = parseRangeResponse(
      matrix([
        {
          metric: { pod: 'p', namespace: 'ml' },
          values: [[1000, '10'], [1060, 'NaN'], [1120, '+Inf'], [1180, '30'], ['x', '1'], 'bad'],
        },
        { metric: 'bad', values: [] },
      ]),
    );
    expect(series).toEqual([
      {
        labels: { pod: 'p', namespace: 'ml' },
        points: [
          { t: 1000, v: 10 },
          { t: 1180, v: 30 },
        ],
      },
    ]);
  });

  it.each([
    [null, 'not a JSON object'],
    [{ status: 'error', errorType: 'bad_data', error: 'parse error' }, 'bad_data: parse error'],
    [{ status: 'success', data: { resultType: 'vector', result: [] } }, 'Expected a matrix'],
    [{ status: 'success' }, 'not a Prometheus query result'],
    ['<html>', 'not a JSON object'],
  ])('refuses %p', (body, message) => {
    expect(() => parseRangeResponse(body)).toThrow(PrometheusResponseError);
    expect(() => parseRangeResponse(body)).toThrow(message);
  });
});

describe('podKeyOfSeries', () => {
  it('reads the pod from pod or exported_pod', () => {
    expect(
      podKeyOfSeries({ labels: { pod: 'p', namespace: 'ml' }, points: [] }, DEFAULT_LABEL_NAMES),
    ).toBe('|ml|p');
    expect(
      podKeyOfSeries(
        { labels: { exported_pod: 'p', exported_namespace: 'ml' }, points: [] },
        DEFAULT_LABEL_NAMES,
      ),
    ).toBe('|ml|p');
    expect(
      podKeyOfSeries({ labels: { gpu: '0' }, points: [] }, DEFAULT_LABEL_NAMES),
    ).toBeUndefined();
    expect(
      podKeyOfSeries(
        { labels: { pod: 'p', namespace: 'ml', cluster: 'east' }, points: [] },
        { ...DEFAULT_LABEL_NAMES, cluster: 'cluster' },
      ),
    ).toBe('east|ml|p');
  });
});

describe('summarize and isIdle', () => {
  const s = (values: number[]) => ({
    labels: {},
    points: values.map((v, i) => ({ t: i * 60, v })),
  });
  it('summarizes current, peak and mean', () => {
    expect(summarize(s([1, 5, 3]))).toEqual({ current: 3, max: 5, mean: 3 });
    expect(summarize(s([]))).toBeUndefined();
  });
  it('is idle only when the whole window stays under the threshold', () => {
    expect(isIdle(s([0, 1, 4]), 5)).toBe(true);
    expect(isIdle(s([0, 1, 5]), 5)).toBe(false);
    expect(isIdle(s([]), 5)).toBe(false);
    expect(isIdle(undefined, 5)).toBe(false);
  });
});
