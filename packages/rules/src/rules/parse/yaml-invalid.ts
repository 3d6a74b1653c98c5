import { defineParseRule } from '../../engine/rule';

export default defineParseRule({
  id: 'parse/yaml-invalid',
  category: 'parse',
  severity: 'error',
  description:
    'A document that is not valid YAML (line and column of the error), or a file that is not UTF-8 text.',
  rationale:
    'kubectl and the API server reject a document that does not parse, and nothing in it can be checked. ' +
    'A repeated key is an error too: kubectl refuses it, and which value a tool keeps differs between tools. ' +
    'Only the broken document is skipped; the other documents of the same file are still parsed and checked. ' +
    'A file with binary data or bytes that are not UTF-8 is reported once, at the first bad byte.',
  remediation:
    'Fix the syntax at the reported line and column (indentation, an unclosed quote or bracket, a repeated ' +
    'key), or save the file as UTF-8.',
  messages: {
    syntax: 'Invalid YAML: {{detail}}',
    binary: 'The file holds binary data, not YAML or JSON text.',
    encoding: 'The file is not valid UTF-8 (first invalid byte at offset {{offset}}).',
  },
});
