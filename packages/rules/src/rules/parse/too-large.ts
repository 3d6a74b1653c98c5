import { defineParseRule } from '../../engine/rule';

export default defineParseRule({
  id: 'parse/too-large',
  category: 'parse',
  severity: 'error',
  description: 'A file or document over the size, alias or depth limits.',
  rationale:
    'Limits keep a scan fast and its memory bounded on hostile input: an alias bomb that expands a few ' +
    'lines into billions of nodes, nesting thousands of levels deep, a generated file of gigabytes. The API ' +
    'server itself refuses objects over about 1.5 MB, so a larger document is not a deployable manifest. ' +
    'Defaults: 16 MiB per file (not even read above it), 3 MiB per document, 1000 alias expansions per ' +
    'document, 100 levels of nesting (reported where the limit is crossed). Other documents of the file ' +
    'are still checked.',
  remediation:
    'Split the file, remove the alias expansion or the nesting, or raise the limit (`limits` in .aigov.yaml) if the input is trusted.',
  messages: {
    fileBytes: 'The file is {{size}}, over the {{limit}} limit; it was not checked.',
    documentBytes: 'The document is {{size}}, over the {{limit}} limit; it was not checked.',
    aliases:
      'The document expands more than {{limit}} aliases (a possible alias bomb); it was not checked.',
    depth: 'The document nests deeper than {{limit}} levels; it was not checked.',
  },
});
