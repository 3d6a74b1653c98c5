import { defineParseRule } from '../../engine/rule';

export default defineParseRule({
  id: 'parse/not-kubernetes',
  category: 'parse',
  severity: 'info',
  description:
    'A YAML document with no `apiVersion`/`kind`, or not a map at all: not a Kubernetes object.',
  rationale:
    'Helm values files, kustomizations and the configuration of other tools often sit beside manifests. ' +
    'aigov says which documents it did not check instead of skipping them silently, so a manifest that lost ' +
    'its `kind` in an edit does not pass unnoticed. Items of a `List` are checked one by one, and an item ' +
    'that is not an object is named by its position. Empty documents (`---` alone, comments only) are ' +
    'skipped without a finding; a file with nothing else is reported once.',
  remediation:
    'Exclude the file from the scan (`--exclude`, `exclude-paths`) or add the missing `apiVersion` and `kind`.',
  messages: {
    missingFields:
      'The document has no {{missing}}; it is not a Kubernetes object and was not checked.',
    notObject: 'The document is {{type}}, not a Kubernetes object; it was not checked.',
    emptyFile: 'The file holds no YAML documents.',
    itemMissingFields:
      'Item {{index}} of the List has no {{missing}}; it is not a Kubernetes object and was not checked.',
    itemNotObject:
      'Item {{index}} of the List is {{type}}, not a Kubernetes object; it was not checked.',
  },
});
