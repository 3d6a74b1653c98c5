import rule from '../../../src/rules/parse/too-large';
import { RuleTester } from '../../../src/testing';

const HEAD = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\n';

function aliasBomb(): string {
  const rows = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  let prev = 'a';
  for (const n of 'bcde') {
    rows.push(`${n}: &${n} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    prev = n;
  }
  return `${HEAD}data:\n${rows.map((r) => `  ${r}`).join('\n')}\n`;
}

new RuleTester().run(rule, {
  variants: [],
  valid: [
    { name: 'nesting at the limit', code: `${HEAD}x: ${'['.repeat(99)}${']'.repeat(99)}\n` },
    { name: 'a few aliases', code: `${HEAD}x: &v [1, 2]\ny: [*v, *v, *v]\n` },
    {
      name: 'a large document under the limit',
      code: `${HEAD}data:\n  blob: ${'x'.repeat(100000)}\n`,
    },
  ],
  invalid: [
    {
      name: 'flow nesting past the limit, at the first level too deep',
      code: `${HEAD}x: ${'['.repeat(150)}${']'.repeat(150)}\n`,
      errors: [{ messageId: 'depth', line: 5, column: 103, message: 'deeper than 100 levels' }],
    },
    {
      name: 'block nesting past the limit',
      code: `${HEAD}x:\n${'- '.repeat(120)}leaf\n`,
      errors: [{ messageId: 'depth', line: 6, column: 199 }],
    },
    {
      name: 'an alias bomb',
      code: aliasBomb(),
      errors: [{ messageId: 'aliases', line: 1, column: 1, message: 'more than 1000 aliases' }],
    },
    {
      name: 'a document over 3 MiB, and only that one',
      code: `${HEAD}---\n${HEAD}data:\n  blob: ${'x'.repeat(3 * 1024 * 1024)}\n`,
      errors: [
        { messageId: 'documentBytes', line: 6, column: 1, message: 'over the 3.0 MiB limit' },
      ],
    },
  ],
});
