import { matchesLabels, parseFieldSelector, parseLabelSelector, SelectorError } from '../src';

const labels = {
  app: 'chat',
  tier: 'inference',
  'backstage.io/kubernetes-id': 'chat-assistant',
  replicas: '3',
};

function matches(selector: string, l: Record<string, string> = labels): boolean {
  return matchesLabels(parseLabelSelector(selector), l);
}

describe('label selectors', () => {
  it('parses every operator of the string syntax', () => {
    expect(parseLabelSelector('a=b, c==d,e!=f, g in (h, i), j notin (k), l, !m, n>1, o<2')).toEqual(
      [
        { key: 'a', operator: '=', values: ['b'] },
        { key: 'c', operator: '==', values: ['d'] },
        { key: 'e', operator: '!=', values: ['f'] },
        { key: 'g', operator: 'in', values: ['h', 'i'] },
        { key: 'j', operator: 'notin', values: ['k'] },
        { key: 'l', operator: 'exists', values: [] },
        { key: 'm', operator: '!', values: [] },
        { key: 'n', operator: 'gt', values: ['1'] },
        { key: 'o', operator: 'lt', values: ['2'] },
      ],
    );
  });

  it('matches with the API server semantics', () => {
    expect(matches('')).toBe(true);
    expect(matches('backstage.io/kubernetes-id=chat-assistant')).toBe(true);
    expect(matches('backstage.io/kubernetes-id==chat-assistant')).toBe(true);
    expect(matches('backstage.io/kubernetes-id=chat')).toBe(false);
    expect(matches('app!=chat')).toBe(false);
    // != and notin also select objects without the label.
    expect(matches('team!=research')).toBe(true);
    expect(matches('team notin (research)')).toBe(true);
    expect(matches('tier in (training, inference)')).toBe(true);
    expect(matches('tier in (training)')).toBe(false);
    expect(matches('tier notin (inference)')).toBe(false);
    expect(matches('app')).toBe(true);
    expect(matches('team')).toBe(false);
    expect(matches('!team')).toBe(true);
    expect(matches('!app')).toBe(false);
    expect(matches('replicas>2,replicas<4')).toBe(true);
    expect(matches('replicas>3')).toBe(false);
    expect(matches('app>1')).toBe(false);
    expect(matches('app=chat,tier=training')).toBe(false);
  });

  it('accepts the empty value and the in-set corner cases the API server accepts', () => {
    expect(matches('team=', { team: '' })).toBe(true);
    expect(matches('team=', labels)).toBe(false);
    expect(parseLabelSelector('a in ()')).toEqual([{ key: 'a', operator: 'in', values: [''] }]);
    expect(parseLabelSelector('a in (b,)')).toEqual([
      { key: 'a', operator: 'in', values: ['b', ''] },
    ]);
  });

  it.each([
    ['a b', "found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    [',a', "found ',', expected: !, identifier, or 'end of string'"],
    ['a=b,', "found 'end of string', expected: identifier after ','"],
    ['a=b c', "found 'c', expected: ',' or 'end of string'"],
    ['a in b', "found 'b', expected: '('"],
    ['a in (b', "found 'end of string', expected: ',', ')' or identifier"],
    ['!a=b', "found '=', expected: ',' or 'end of string'"],
    ['a>b', 'the value must be an integer'],
    ['-a=b', 'name part must consist of alphanumeric characters'],
    ['Example.com/a=b', 'prefix part must be a lowercase RFC 1123 subdomain'],
    ['a=b!', "found '!', expected: ',' or 'end of string'"],
    ['a=-b', 'values[0][a]: Invalid value: "-b"'],
    [`a=${'x'.repeat(64)}`, 'must be no more than 63 characters'],
  ])('rejects %j', (selector, message) => {
    expect(() => parseLabelSelector(selector)).toThrow(SelectorError);
    expect(() => parseLabelSelector(selector)).toThrow(message);
  });
});

describe('field selectors', () => {
  it('parses =, == and != with escaped values', () => {
    expect(
      parseFieldSelector('metadata.name=a,metadata.namespace!=b,spec.nodeName==c\\,d'),
    ).toEqual([
      { field: 'metadata.name', operator: '=', value: 'a' },
      { field: 'metadata.namespace', operator: '!=', value: 'b' },
      { field: 'spec.nodeName', operator: '=', value: 'c,d' },
    ]);
    expect(parseFieldSelector('')).toEqual([]);
  });

  it.each(['metadata.name', '=a', 'metadata.name=a\\x'])('rejects %j', (selector) => {
    expect(() => parseFieldSelector(selector)).toThrow(SelectorError);
  });
});
