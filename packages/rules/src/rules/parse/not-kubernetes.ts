import { defineParseRule } from '../../engine/rule';

export default defineParseRule({
  id: 'parse/not-kubernetes',
  category: 'parse',
  severity: 'info',
  description: 'A YAML document with no `apiVersion` or `kind`, so not a Kubernetes object.',
  rationale:
    'Values files, kustomize patches and other configuration often sit beside manifests. aigov says which ' +
    'documents it did not check instead of skipping them silently.',
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
