import rule from '../../../src/rules/parse/template-unrendered';
import { RuleTester } from '../../../src/testing';

const HEAD = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: rules\ndata:\n';

new RuleTester().run(rule, {
  variants: [],
  valid: [
    {
      name: 'Argo Workflows parameters',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {generateName: hello-}\nspec:\n  templates:\n    - name: main\n      container:\n        args: ["{{inputs.parameters.message}}"]\n',
    },
    {
      name: 'Prometheus alert templates in quoted values',
      code: `${HEAD}  summary: "Pod {{ $labels.pod }} is using {{ $value | humanizePercentage }} of its GPU"\n`,
    },
    {
      name: 'an Alertmanager template in a block scalar',
      code: `${HEAD}  slack.tmpl: |\n    {{ define "title" }}{{ range .Alerts }}{{ .Annotations.summary }}{{ end }}{{ end }}\n`,
    },
    {
      name: 'Helm markers in comments',
      code: `# {{- if .Values.enabled }}\n${HEAD}  a: b # {{ .Values.a }}\n`,
    },
  ],
  invalid: [
    {
      name: 'a Helm include as a value',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "chart.fullname" . }}\n',
      errors: [
        {
          messageId: 'markers',
          line: 4,
          column: 9,
          message: '{{ include "chart.fullname" . }}',
          severity: 'warning',
        },
      ],
    },
    {
      name: 'a Helm conditional line',
      code: `{{- if .Values.serviceMonitor.enabled }}\n${HEAD}{{- end }}\n`,
      errors: [{ messageId: 'markers', line: 1, column: 1 }],
    },
    {
      name: 'a quoted value naming .Values',
      code: `${HEAD}  image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"\n`,
      errors: [{ messageId: 'markers', line: 6, column: 11 }],
    },
    {
      name: 'a Helm function inside a block scalar',
      code: `${HEAD}  config.yaml: |\n    {{- toYaml .Values.config | nindent 4 }}\n`,
      errors: [{ messageId: 'markers', line: 7, column: 5 }],
    },
  ],
});
