/**
 * The real-world corpus (../shared/corpus, 251 manifests of AI workloads written by other
 * projects) through the built CLI: nothing crashes, nothing is lost, every position is real, and
 * the files that are not Kubernetes objects are exactly the ones expected.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CORPUS, runCli } from '../support/cli';
import type { CliRun } from '../support/cli';
import { compareParsers } from '../support/differential';
import { STACK_TRACE, lineCount } from '../support/report';
import type { JsonReport } from '../support/report';

/** Every file the CLI should pick up: `*.yaml`, `*.yml`, `*.json`, relative and POSIX. */
function manifestFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) return manifestFiles(path.join(dir, e.name), rel);
    return /\.(ya?ml|json)$/i.test(e.name) ? [rel] : [];
  });
}

/**
 * The documents of the corpus that are not Kubernetes objects: Helm values files, a kustomization,
 * configuration of other tools. Each is named at its first line with content.
 */
const EXPECTED_PARSE_FINDINGS: readonly [string, string, number][] = [
  ['kubernetes-sigs__lws/config/samples/kustomization.yaml', 'parse/not-kubernetes', 2],
  [
    'vllm-project__production-stack/examples/disaggregated_prefill/pd.yaml',
    'parse/not-kubernetes',
    2,
  ],
  [
    'vllm-project__production-stack/examples/external_providers_config.yaml',
    'parse/not-kubernetes',
    1,
  ],
  // A Helm values file whose only `{{ }}` are commented out: not a template, not an object.
  ['vllm-project__production-stack/observability/kube-prom-stack.yaml', 'parse/not-kubernetes', 4],
  ['vllm-project__production-stack/observability/prom-adapter.yaml', 'parse/not-kubernetes', 1],
  [
    'vllm-project__production-stack/tutorials/assets/gke-example/values-01-offload-kv-cache-local-disk.yaml',
    'parse/not-kubernetes',
    1,
  ],
  [
    'vllm-project__production-stack/tutorials/assets/values-01-2pods-minimal-example.yaml',
    'parse/not-kubernetes',
    1,
  ],
  [
    'vllm-project__production-stack/tutorials/assets/values-01-minimal-amd-example.yaml',
    'parse/not-kubernetes',
    1,
  ],
  [
    'vllm-project__production-stack/tutorials/assets/values-01-minimal-example.yaml',
    'parse/not-kubernetes',
    1,
  ],
  [
    'vllm-project__production-stack/tutorials/assets/values-02-basic-config.yaml',
    'parse/not-kubernetes',
    1,
  ],
  [
    'vllm-project__production-stack/tutorials/assets/values-03-match-pv.yaml',
    'parse/not-kubernetes',
    1,
  ],
  [
    'vllm-project__production-stack/tutorials/assets/values-04-multiple-models.yaml',
    'parse/not-kubernetes',
    1,
  ],
  [
    'vllm-project__production-stack/tutorials/assets/values-05-cpu-offloading.yaml',
    'parse/not-kubernetes',
    1,
  ],
  [
    'vllm-project__production-stack/tutorials/assets/values-06-shared-storage.yaml',
    'parse/not-kubernetes',
    1,
  ],
  [
    'vllm-project__production-stack/tutorials/assets/values-09-lora-helm.yaml',
    'parse/not-kubernetes',
    3,
  ],
  [
    'vllm-project__production-stack/tutorials/assets/values-09-lora-operator.yaml',
    'parse/not-kubernetes',
    1,
  ],
  [
    'vllm-project__production-stack/tutorials/assets/values-11-secure-vllm.yaml',
    'parse/not-kubernetes',
    1,
  ],
  [
    'vllm-project__production-stack/tutorials/assets/values-12-otel-vllm.yaml',
    'parse/not-kubernetes',
    1,
  ],
  [
    'vllm-project__production-stack/tutorials/assets/values-13-tool-enabled.yaml',
    'parse/not-kubernetes',
    1,
  ],
  [
    'vllm-project__production-stack/tutorials/assets/values-14-vllm-v1.yaml',
    'parse/not-kubernetes',
    1,
  ],
  [
    'vllm-project__production-stack/tutorials/assets/values-15-a-minimal-pipeline-parallel-example-raycluster.yaml',
    'parse/not-kubernetes',
    1,
  ],
  [
    'vllm-project__production-stack/tutorials/assets/values-15-b-minimal-pipeline-parallel-example-multiple-modelspec.yaml',
    'parse/not-kubernetes',
    1,
  ],
  [
    'vllm-project__production-stack/tutorials/assets/values-16-disagg-prefill.yaml',
    'parse/not-kubernetes',
    2,
  ],
  [
    'vllm-project__production-stack/tutorials/assets/values-17-kv-aware.yaml',
    'parse/not-kubernetes',
    1,
  ],
  [
    'vllm-project__production-stack/tutorials/assets/values-18-prefix-aware.yaml',
    'parse/not-kubernetes',
    1,
  ],
  [
    'vllm-project__production-stack/tutorials/assets/values-19-sleep-mode-aware.yaml',
    'parse/not-kubernetes',
    1,
  ],
  [
    'vllm-project__production-stack/tutorials/assets/values-22-gateway-api.yaml',
    'parse/not-kubernetes',
    1,
  ],
  ['vllm-project__production-stack/tutorials/assets/values-23-SR.yaml', 'parse/not-kubernetes', 1],
  [
    'vllm-project__production-stack/tutorials/assets/values-25-v100-multi-gpu-tp2.yaml',
    'parse/not-kubernetes',
    12,
  ],
  [
    'vllm-project__production-stack/tutorials/assets/values-25-v100-multi-gpu-tp4.yaml',
    'parse/not-kubernetes',
    12,
  ],
  [
    'vllm-project__production-stack/tutorials/assets/values-25-v100-single-gpu.yaml',
    'parse/not-kubernetes',
    7,
  ],
  [
    'vllm-project__production-stack/tutorials/terraform/aks/production_stack_specification.yaml',
    'parse/not-kubernetes',
    1,
  ],
  [
    'vllm-project__production-stack/tutorials/terraform/coreweave/config/helm/kube-prome-stack.yaml',
    'parse/not-kubernetes',
    1,
  ],
  [
    'vllm-project__production-stack/tutorials/terraform/eks/modules/llm-stack/helm/gpu/gpu-operator-values.yaml',
    'parse/not-kubernetes',
    5,
  ],
  [
    'vllm-project__production-stack/tutorials/terraform/gke/production_stack_specification.yaml',
    'parse/not-kubernetes',
    1,
  ],
  [
    'vllm-project__production-stack/tutorials/terraform/nebius/config/helm/kube-prome-stack.yaml',
    'parse/not-kubernetes',
    1,
  ],
  [
    'vllm-project__production-stack/tutorials/terraform/nebius/config/llm-stack/helm/gpu/gpu-operator-values.yaml',
    'parse/not-kubernetes',
    5,
  ],
];

describe('the real-world corpus through the CLI', () => {
  let run: CliRun;
  let report: JsonReport;
  const files = manifestFiles(CORPUS).sort();

  beforeAll(() => {
    run = runCli(['scan', '.', '--format', 'json', '--fail-on', 'none', '--complete'], {
      cwd: CORPUS,
    });
    report = JSON.parse(run.stdout) as JsonReport;
  });

  it('holds the 251 files it is documented to hold', () => {
    expect(files).toHaveLength(251);
  });

  it('exits 0 with --fail-on none and prints nothing on stderr (no crash, no failed rule)', () => {
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.stderr).not.toMatch(/failed and was skipped/);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('lists every file once, by a relative POSIX path', () => {
    const listed = report.files.map((f) => f.file);
    expect([...listed].sort()).toEqual(files);
    for (const file of listed) {
      expect(path.isAbsolute(file)).toBe(false);
      expect(file).not.toMatch(/^\.\.?\/|\\/);
    }
  });

  it('explains every file without objects with a parse finding', () => {
    const withParse = new Set(
      report.findings.filter((f) => f.ruleId.startsWith('parse/')).map((f) => f.file),
    );
    const silent = report.files.filter((f) => f.objects === 0 && !withParse.has(f.file));
    expect(silent).toEqual([]);
  });

  it('puts every finding in a scanned file, on a line that exists', () => {
    const listed = new Set(report.files.map((f) => f.file));
    const lines = new Map(
      files.map((f) => [f, lineCount(readFileSync(path.join(CORPUS, f), 'utf8'))]),
    );
    const outside = report.findings.filter((f) => {
      const count = lines.get(f.file ?? '') ?? 0;
      return (
        !listed.has(f.file ?? '') ||
        f.line === null ||
        f.column === null ||
        f.endLine === null ||
        f.line < 1 ||
        f.line > count ||
        f.column < 1 ||
        f.endLine < f.line ||
        f.endLine > count + 1
      );
    });
    expect(outside).toEqual([]);
  });

  it('reports exactly the expected parse findings (no false template warnings)', () => {
    const parse = report.findings
      .filter((f) => f.ruleId.startsWith('parse/'))
      .map((f) => [f.file, f.ruleId, f.line]);
    expect(parse).toEqual(EXPECTED_PARSE_FINDINGS);
    expect(report.findings.filter((f) => f.ruleId === 'parse/template-unrendered')).toEqual([]);
  });

  it('gives the same objects and positions on the fast path as with yaml alone', () => {
    const inputs = files.map((file) => ({
      file,
      bytes: new Uint8Array(readFileSync(path.join(CORPUS, file))),
    }));
    const r = compareParsers(inputs);
    expect(r.differences).toEqual([]);
    expect(r.manifests).toBeGreaterThan(300);
    expect(r.paths).toBeGreaterThan(20000);
  });

  it('loads the Argo workflow with runtime placeholders as objects', () => {
    const argo = report.files.find((f) =>
      f.file.endsWith('pod-based-workloads/workflow-queue-per-template.yaml'),
    );
    expect(argo).toMatchObject({ documents: 1, objects: 1 });
  });
});
