import { formatText } from '../../src/report';
import { CLEAN, DEPLOYMENT, POD, scanYaml } from './fixtures';

describe('text', () => {
  it('lists findings by file with position, severity, message, object, rule and fix', () => {
    const input = scanYaml({ 'k8s/app.yaml': DEPLOYMENT, 'k8s/pod.yaml': POD });
    const lines = formatText(input).split('\n');
    expect(lines[0]).toBe('k8s/app.yaml');
    expect(lines[1]).toBe(
      '  13:11    warning Container "server" has no CPU request. (Deployment ml/api)  resources/cpu-request-missing',
    );
    expect(lines[2]).toMatch(/^ {19}→ Set resources\.requests\.cpu/);
    expect(lines).toContain('k8s/pod.yaml');
    // The suppressed sidecar is counted, not listed.
    expect(lines.join('\n')).not.toContain('"sidecar"');
    expect(lines).toContain(
      '✖ 2 problems (0 errors, 2 warnings, 0 info) in 2 files, 2 objects, 1 suppressed',
    );
    expect(lines).toContain(
      `Score ${input.score.overall}/100 (${input.score.grade})  resources ${input.score.categories.resources?.score}`,
    );
  });

  it('says when there is nothing to report', () => {
    expect(formatText(scanYaml({ 'clean.yaml': CLEAN }))).toContain(
      '✔ No problems found (0 errors, 0 warnings, 0 info) in 1 file, 1 object',
    );
  });

  it('colours only when asked', () => {
    const input = scanYaml({ 'k8s/pod.yaml': POD });
    expect(formatText(input)).not.toContain('\u001b[');
    const coloured = formatText(input, { color: true });
    expect(coloured).toContain('\u001b[4mk8s/pod.yaml\u001b[0m');
    expect(coloured).toContain('\u001b[33mwarning\u001b[0m');
  });
});
