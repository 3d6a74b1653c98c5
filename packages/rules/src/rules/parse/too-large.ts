import { defineParseRule } from '../../engine/rule';

export default defineParseRule({
  id: 'parse/too-large',
  category: 'parse',
  severity: 'error',
  description: 'A file or document over the size, alias or nesting limits.',
  rationale:
    'Limits keep a scan fast and its memory bounded on hostile input (an alias bomb, a generated file of ' +
    'gigabytes). The API server itself refuses objects over about 1.5 MB, so a larger document is not a ' +
    'deployable manifest.',
  remediation:
    'Split the file, remove the alias expansion, or raise the limit (`limits` in .aigov.yaml) if the input is trusted.',
  messages: {
    fileBytes: 'The file is {{size}}, over the {{limit}} limit; it was not checked.',
    documentBytes: 'The document is {{size}}, over the {{limit}} limit; it was not checked.',
    aliases:
      'The document expands more than {{limit}} aliases (a possible alias bomb); it was not checked.',
    depth: 'The document nests deeper than {{limit}} levels; it was not checked.',
  },
});
