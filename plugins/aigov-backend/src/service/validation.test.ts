import { InputError } from '@backstage/errors';
import { entityNameParams, listParam, parseScoreQuery, timeParam } from './validation';

describe('query validation', () => {
  it('reads lists repeated or comma-separated', () => {
    expect(listParam({ grade: ['A,B', 'C'] }, 'grade')).toEqual(['A', 'B', 'C']);
    expect(listParam({ grade: ' , ' }, 'grade')).toBeUndefined();
    expect(() => listParam({ grade: { a: 'b' } }, 'grade')).toThrow(InputError);
    expect(() => listParam({ kind: Array(101).fill('x') }, 'kind')).toThrow(/at most 100 values/);
  });

  it('turns the parameters of GET /scores into a filter', () => {
    expect(
      parseScoreQuery(
        {
          owner: 'ml-platform,group:web/Frontend,user:default/ada',
          kind: 'Component',
          grade: 'd,f',
          status: 'PARTIAL',
          q: 'llm',
          orderBy: 'scannedat',
          order: 'desc',
          limit: '20',
          offset: '40',
          team: 'ai-division',
        },
        { paged: true },
      ),
    ).toEqual({
      filter: {
        owners: ['group:default/ml-platform', 'group:web/frontend', 'user:default/ada'],
        kinds: ['component'],
        grades: ['D', 'F'],
        statuses: ['partial'],
        q: 'llm',
        orderBy: 'scannedAt',
        order: 'desc',
        limit: 20,
        offset: 40,
      },
      team: { kind: 'group', namespace: 'default', name: 'ai-division' },
    });
    expect(parseScoreQuery({}, { paged: true }).filter).toEqual({
      orderBy: 'score',
      order: 'asc',
      limit: 50,
      offset: 0,
    });
    expect(parseScoreQuery({ limit: 'x' }, { paged: false }).filter.limit).toBeUndefined();
  });

  it('refuses values it cannot use, naming the parameter', () => {
    const parse = (query: Record<string, unknown>) => () => parseScoreQuery(query, { paged: true });
    expect(parse({ limit: '501' })).toThrow('"limit": expected an integer from 1 to 500');
    expect(parse({ offset: '-1' })).toThrow('"offset"');
    expect(parse({ order: 'up' })).toThrow('"up" is not one of asc, desc');
    expect(parse({ q: 'x'.repeat(201) })).toThrow('"q": at most 200 characters');
    expect(parse({ q: ['a', 'b'] })).toThrow('"q": expected one value');
    expect(parse({ team: 'user:default/ada' })).toThrow('expected a group ref');
  });

  it('reads ISO times and entity path parameters', () => {
    expect(timeParam({ from: '2025-01-31' }, 'from')).toBe(Date.UTC(2025, 0, 31));
    expect(timeParam({ from: '2025-01-31T12:00:00+01:00' }, 'from')).toBe(
      Date.UTC(2025, 0, 31, 11),
    );
    expect(() => timeParam({ from: '1700000000' }, 'from')).toThrow(/ISO 8601/);
    expect(entityNameParams({ kind: 'Component', namespace: 'default', name: 'x' })).toEqual({
      kind: 'Component',
      namespace: 'default',
      name: 'x',
    });
    expect(() => entityNameParams({ kind: 'c', namespace: 'd', name: 'x'.repeat(254) })).toThrow(
      'Invalid entity name',
    );
  });
});
