import { findTemplateMarker } from '../../src/load/template';
import { lines, loadText, summary } from './helpers';

const HEAD = lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: cm', 'data:');

describe('unrendered Helm templates', () => {
  it.each([
    [
      'an include as a value',
      '  name: {{ include "chart.fullname" . }}',
      '6:9',
      '{{ include "chart.fullname" . }}',
    ],
    ['a control line', '{{- if .Values.enabled }}', '6:1', '{{- if .Values.enabled }}'],
    [
      'a quoted value naming .Values',
      '  image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"',
      '6:11',
      '{{ .Values.image.repository }}',
    ],
    [
      'toYaml in a block scalar',
      '  config: |\n    {{- toYaml .Values.config | nindent 4 }}',
      '7:5',
      '{{- toYaml .Values.config | nindent 4 }}',
    ],
    [
      'a variable assignment',
      '{{ $fullName := include "x" . }}',
      '6:1',
      '{{ $fullName := include "x" . }}',
    ],
    ['a marker after a quoted #', '  a: "x # {{ .Release.Name }}"', '6:11', '{{ .Release.Name }}'],
    ['an unclosed action', '  b: {{ .Values.b', '6:6', '{{ .Values.b'],
  ])('reports %s at its position', (_, row, at, marker) => {
    const r = loadText(`${HEAD}${row}\n`);
    expect(summary(r.findings)).toEqual([`parse/template-unrendered/markers ${at}`]);
    expect(r.findings[0]?.message).toBe(
      `Unrendered template marker ${marker}; render the file (for example with \`helm template\`) and scan the output. Its objects were not checked.`,
    );
    expect(r.findings[0]?.severity).toBe('warning');
    expect(r.manifests).toEqual([]);
  });

  it('reports the first marker of the file only, and skips the whole file', () => {
    const r = loadText(
      `${HEAD}  a: b\n---\n${HEAD}  name: {{ .Release.Name }}\n  other: {{ .Values.x }}\n`,
    );
    expect(summary(r.findings)).toEqual(['parse/template-unrendered/markers 13:9']);
    expect(r.files).toEqual([{ file: 'test.yaml', documents: 0, objects: 0 }]);
  });

  it('shortens a long marker in the message', () => {
    const long = `{{ .Values.${'x'.repeat(100)} }}`;
    const r = loadText(`${HEAD}  a: ${long}\n`);
    expect(r.findings[0]?.message).toContain(`${long.slice(0, 57)}...`);
  });
});

describe('runtime placeholders and comments are not templates', () => {
  it.each([
    ['Argo parameters in a flow sequence', '  args: ["{{inputs.parameters.message}}"]'],
    ['Argo parameters in a plain scalar', '  cmd: echo {{inputs.parameters.x}} {{workflow.name}}'],
    [
      'Prometheus labels in a double-quoted value',
      '  description: "{{ $labels.pod }} is down ({{ $value | humanizePercentage }})"',
    ],
    [
      'Prometheus labels in a single-quoted value',
      "  summary: 'Pod in {{ $labels.namespace }} namespace down'",
    ],
    [
      'Alertmanager templates in a block scalar',
      '  tmpl: |\n    {{ range .Alerts }}{{ .Annotations.summary }}\n    {{ end }}',
    ],
    ['a Go template field in a quoted value', '  title: "{{ .CommonLabels.alertname }}"'],
    ['a commented-out Helm line', '# {{ .Values.x }}'],
    [
      'an indented commented-out Helm line',
      '  #   text: "{{ range .Alerts }}{{ .Annotations.description }}\\n{{ end }}"',
    ],
    ['a trailing comment', '  a: b # {{ include "x" . }}'],
  ])('accepts %s', (_, row) => {
    const r = loadText(`${HEAD}${row}\n`);
    expect(r.findings.filter((f) => f.ruleId === 'parse/template-unrendered')).toEqual([]);
    expect(r.manifests).toHaveLength(1);
  });

  it('leaves an unquoted Prometheus placeholder to the YAML parser', () => {
    const r = loadText(`${HEAD}  description: {{ $labels.pod }} is down\n`);
    expect(summary(r.findings)).toEqual(['parse/yaml-invalid/syntax 6:34']);
  });

  it('accepts the Argo workflow of the kueue corpus', () => {
    const r = loadText(
      lines(
        'apiVersion: argoproj.io/v1alpha1',
        'kind: Workflow',
        'metadata:',
        '  generateName: hello-world-',
        'spec:',
        '  entrypoint: whalesay',
        '  templates:',
        '    - name: whalesay',
        '      inputs:',
        '        parameters:',
        '          - name: message',
        '      container:',
        '        image: docker/whalesay',
        '        args: ["{{inputs.parameters.message}}"]',
      ),
    );
    expect(r.findings).toEqual([]);
    expect(r.manifests.map((m) => m.kind)).toEqual(['Workflow']);
  });

  it('accepts the commented Alertmanager and Prometheus templates of the vLLM values file', () => {
    const r = loadText(
      lines(
        'alertmanager:',
        '  # config:',
        '  #   receivers:',
        '  #     - name: slack',
        '  #       slack_configs:',
        '  #         - channel: "#alerts"',
        '  #           title: "{{ range .Alerts }}{{ .Annotations.summary }}\\n{{ end }}"',
        'additionalPrometheusRulesMap:',
        '#  rule-name:',
        "#             description: ' The Number of pods from the namespace {{ $labels.namespace }} is lower than the expected 4. '",
        'prometheus:',
        '  enabled: true',
      ),
    );
    expect(summary(r.findings)).toEqual(['parse/not-kubernetes/missingFields 1:1']);
  });
});

describe('findTemplateMarker', () => {
  it('finds nothing in text without braces, and stays linear on hostile input', () => {
    expect(findTemplateMarker('a: b\n')).toBeUndefined();
    const start = Date.now();
    expect(findTemplateMarker(`a: "${'{{'.repeat(200000)}"\n`)).toBeUndefined();
    expect(findTemplateMarker(`a: ${'{{ .x '.repeat(50000)}\n`)?.offset).toBe(3);
    expect(Date.now() - start).toBeLessThan(3000);
  });
});
