import { defineParseRule } from '../../engine/rule';

export default defineParseRule({
  id: 'parse/yaml-invalid',
  category: 'parse',
  severity: 'error',
  description: 'A document that is not valid YAML or JSON, or a file that is not text.',
  rationale:
    'kubectl and the API server reject a document that does not parse, and nothing in it can be checked. ' +
    'The other documents of the same file are still parsed and checked.',
  remediation:
    'Fix the syntax at the reported line and column (indentation, an unclosed quote or bracket, a repeated key).',
  messages: {
    syntax: 'Invalid YAML: {{detail}}',
    binary: 'The file holds binary data, not YAML or JSON text.',
    encoding: 'The file is not valid UTF-8 (first invalid byte at offset {{offset}}).',
  },
});
