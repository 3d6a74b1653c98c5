import { defineParseRule } from '../../engine/rule';

export default defineParseRule({
  id: 'parse/template-unrendered',
  category: 'parse',
  severity: 'warning',
  description: 'Helm or Go template markers (`{{ }}`) in a file: render it first.',
  rationale:
    'A Helm template is not what reaches the cluster: its values, conditionals and includes decide the ' +
    'objects. Checking the template text would report on placeholders, so the file is not checked. ' +
    'Other tools use `{{ }}` for placeholders they fill at run time, in values that reach the cluster as ' +
    'written: Argo Workflows (`{{inputs.parameters.x}}`), Prometheus rules (`{{ $labels.pod }}`), ' +
    'Alertmanager templates (`{{ range .Alerts }}`). So a marker counts only where YAML cannot read it as ' +
    "data (a line like `{{- if .Values.x }}` or a value like `name: {{ include … }}`), or inside a string when it names Helm's own " +
    'objects and functions (`.Values`, `.Release`, `.Chart`, `include`, `toYaml`, `nindent`…). Markers in ' +
    'comments never count.',
  remediation:
    'Render the chart (`helm template <release> <chart> -f values.yaml`) and scan the output.',
  messages: {
    markers:
      'Unrendered template marker {{marker}}; render the file (for example with `helm template`) and scan the output. Its objects were not checked.',
  },
});
