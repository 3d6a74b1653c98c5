import rule from '../../../src/rules/parse/yaml-invalid';
import { RuleTester } from '../../../src/testing';

const HEAD = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
`;

new RuleTester().run(rule, {
  variants: [],
  valid: [
    { name: 'a plain manifest', code: `${HEAD}data:\n  key: value\n` },
    {
      name: 'JSON',
      code: '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "j"}, "data": {"k": "v"}}',
    },
    { name: 'CRLF line endings', code: `${HEAD}data:\n  key: value\n`.replace(/\n/g, '\r\n') },
    {
      name: 'anchors, aliases and merge keys',
      code: `${HEAD}data: &d\n  a: "1"\nbinaryData:\n  <<: *d\n`,
    },
    { name: 'the same key in different maps', code: `${HEAD}data:\n  name: settings\n` },
    {
      name: 'a `---` inside an indented block scalar',
      code: `${HEAD}data:\n  s: |\n    ---\n    x\n`,
    },
  ],
  invalid: [
    {
      name: 'an over-indented key, at the value it turns into a key',
      code: `${HEAD}   namespace: ml\n`,
      errors: [
        {
          messageId: 'syntax',
          line: 4,
          column: 9,
          message: 'Invalid YAML: Nested mappings are not allowed in compact mappings',
        },
      ],
    },
    {
      name: 'an under-indented key',
      code: `${HEAD}data:\n    a: "1"\n  b: "2"\n`,
      errors: [
        {
          messageId: 'syntax',
          line: 7,
          column: 1,
          message: 'All mapping items must start at the same column',
        },
      ],
    },
    {
      name: 'a repeated key, at its second occurrence',
      code: `${HEAD}data:\n  a: "1"\n  a: "2"\n`,
      errors: [{ messageId: 'syntax', line: 7, column: 3, message: 'Map keys must be unique' }],
    },
    {
      name: 'a tab used as indentation',
      code: `${HEAD}data:\n\ta: "1"\n`,
      errors: [{ messageId: 'syntax', line: 6, column: 1, message: 'Tabs are not allowed' }],
    },
    {
      name: 'an unclosed flow sequence, on its last line',
      code: `${HEAD}data:\n  a: [1, 2\n`,
      errors: [{ messageId: 'syntax', line: 6, column: 11 }],
    },
    {
      name: 'only the broken document of a stream',
      code: `${HEAD}---\n${HEAD}  name: again\n---\n${HEAD}`,
      errors: [{ messageId: 'syntax', line: 10, column: 3 }],
    },
    {
      name: 'an alias inside its own anchor',
      code: `${HEAD}data: &loop\n  self: *loop\n`,
      errors: [{ messageId: 'syntax', line: 6, column: 9, message: 'recursive structure' }],
    },
    {
      name: 'binary data',
      code: `${HEAD}\u0000\u0001\u0002`,
      errors: [{ messageId: 'binary', line: 1, column: 1 }],
    },
  ],
});
