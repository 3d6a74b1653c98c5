import rule from '../../../src/rules/parse/not-kubernetes';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  variants: [],
  valid: [
    { name: 'a manifest', code: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: ml}\n' },
    {
      name: 'empty and comment-only documents around a manifest',
      code: '# generated\n---\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: ml}\n---\n',
    },
    {
      name: 'a List whose items are objects',
      code: 'apiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: Namespace, metadata: {name: a}}\n',
    },
    { name: 'an empty List', code: 'apiVersion: v1\nkind: List\nitems: []\n' },
  ],
  invalid: [
    {
      name: 'a Helm values file',
      code: '# values.yaml\nreplicaCount: 2\nimage:\n  repository: vllm/vllm-openai\n',
      errors: [
        {
          messageId: 'missingFields',
          line: 2,
          column: 1,
          message: '`apiVersion` or `kind`',
          severity: 'info',
        },
      ],
    },
    {
      name: 'a document without kind, after a good one',
      code: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\napiVersion: v1\nmetadata: {name: b}\n',
      errors: [{ messageId: 'missingFields', line: 5, column: 1, message: 'has no `kind`;' }],
    },
    {
      name: 'an empty kind',
      code: 'apiVersion: v1\nkind: ""\n',
      errors: [{ messageId: 'missingFields', line: 1, message: 'has no `kind`;' }],
    },
    {
      name: 'a document that is a list',
      code: '- apiVersion: v1\n  kind: Namespace\n',
      errors: [{ messageId: 'notObject', line: 1, column: 1, message: 'a sequence (list)' }],
    },
    {
      name: 'a document that is a string',
      code: 'apiVersion v1\n',
      errors: [{ messageId: 'notObject', line: 1, column: 1, message: 'a string scalar' }],
    },
    {
      name: 'an explicit null document',
      code: '---\n~\n',
      errors: [{ messageId: 'notObject', line: 2, column: 1, message: 'is null' }],
    },
    {
      name: 'List items that are not objects, each at its line',
      code: 'apiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: Namespace, metadata: {name: a}}\n  - namespace-b\n  - metadata: {name: c}\n',
      errors: [
        {
          messageId: 'itemNotObject',
          line: 5,
          column: 5,
          message: 'Item 1 of the List is a string scalar',
        },
        {
          messageId: 'itemMissingFields',
          line: 6,
          column: 5,
          message: 'Item 2 of the List has no `apiVersion` or `kind`',
        },
      ],
    },
    {
      name: 'an empty file',
      code: '',
      errors: [{ messageId: 'emptyFile', line: 1, column: 1 }],
    },
    {
      name: 'a file with only comments',
      code: '# nothing yet\n---\n# still nothing\n',
      errors: [{ messageId: 'emptyFile', line: 1, column: 1 }],
    },
  ],
});
