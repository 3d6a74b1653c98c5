import { defineParseRule } from '../../engine/rule';

export default defineParseRule({
  id: 'parse/template-unrendered',
  category: 'parse',
  severity: 'warning',
  description: 'Helm or Go template markers (`{{ }}`) in a file: render it first.',
  rationale:
    'A Helm template is not what reaches the cluster: its values, conditionals and includes decide the ' +
    'objects. Checking the template text would report on placeholders, so the file is not checked. ' +
    'Markers in comments and runtime placeholders of other tools (Argo `{{inputs.parameters.x}}`, ' +
    'Prometheus `{{ $labels.pod }}`) are not template markers.',
  remediation:
    'Render the chart (`helm template <release> <chart> -f values.yaml`) and scan the output.',
  messages: {
    markers:
      'Unrendered template marker {{marker}}; render the file (for example with `helm template`) and scan the output. Its objects were not checked.',
  },
});
