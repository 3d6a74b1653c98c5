import rule from '../../../src/rules/monitoring/gpu-alerts-missing';
import { RuleTester } from '../../../src/testing';

const vllm = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm, namespace: llm}
spec:
  template:
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.6.3
          resources:
            limits: {nvidia.com/gpu: 1}
`;

new RuleTester().run(rule, {
  valid: [
    {
      name: 'an XID alert in the monitoring namespace covers every GPU workload',
      code: `${vllm}---
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata: {name: gpu-health, namespace: monitoring}
spec:
  groups:
    - name: gpu
      rules:
        - alert: GpuXidError
          expr: DCGM_FI_DEV_XID_ERRORS > 0
          for: 1m
`,
    },
    {
      name: 'an alert on a recording rule built on DCGM metrics',
      code: `${vllm}---
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata: {name: gpu-health}
spec:
  groups:
    - name: gpu
      rules:
        - record: gpu:fb_used:ratio
          expr: DCGM_FI_DEV_FB_USED / (DCGM_FI_DEV_FB_USED + DCGM_FI_DEV_FB_FREE)
        - record: gpu:fb_used:max
          expr: max by (namespace) (gpu:fb_used:ratio)
        - alert: GpuMemoryFull
          expr: gpu:fb_used:max > 0.95
`,
    },
    {
      name: 'AMD exporter metrics through the option',
      options: { metricPatterns: ['DCGM_*', 'gpu_ecc_*'] },
      code: `${vllm}---
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata: {name: gpu-health}
spec:
  groups:
    - name: gpu
      rules:
        - alert: GpuEcc
          expr: increase(gpu_ecc_uncorrect_total[5m]) > 0
`,
    },
    {
      name: 'no GPU workload, or a GPU count of zero',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      containers:
        - name: api
          image: api:1.0
          resources:
            limits: {nvidia.com/gpu: 0}
`,
    },
    {
      name: 'a partial scan does not guess',
      complete: false,
      code: vllm,
    },
  ],
  invalid: [
    {
      name: 'no PrometheusRule at all points at the GPU limit',
      code: vllm,
      errors: [
        {
          messageId: 'missing',
          line: 12,
          column: 38,
          message: 'Deployment "vllm" uses GPUs, but no PrometheusRule',
        },
      ],
    },
    {
      name: 'recording rules alone, or alerts on other metrics, do not alert on GPU health',
      code: `${vllm}---
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata: {name: rules}
spec:
  groups:
    - name: gpu
      rules:
        - record: gpu:util:avg
          expr: avg(DCGM_FI_DEV_GPU_UTIL)
        - alert: VllmDown
          expr: up{job="vllm"} == 0
        - alert: Broken
          expr: [DCGM_FI_DEV_XID_ERRORS]
`,
      errors: [{ messageId: 'missing', line: 12 }],
    },
    {
      name: 'once per namespace, on the first GPU workload',
      variants: [],
      code: `${vllm}---
apiVersion: kubeflow.org/v1
kind: PyTorchJob
metadata: {name: ft, namespace: llm}
spec:
  pytorchReplicaSpecs:
    Worker:
      replicas: 2
      template:
        spec:
          containers:
            - name: pytorch
              image: train:1.0
              resources:
                limits: {nvidia.com/gpu: 8}
---
apiVersion: ray.io/v1
kind: RayCluster
metadata: {name: rc, namespace: research}
spec:
  headGroupSpec:
    rayStartParams: {}
    template:
      spec:
        containers:
          - name: ray-head
            image: rayproject/ray:2.9.0
  workerGroupSpecs:
    - groupName: gpu
      rayStartParams: {}
      template:
        spec:
          containers:
            - name: ray-worker
              image: rayproject/ray:2.9.0-gpu
              resources:
                requests: {nvidia.com/gpu: 1}
                limits: {nvidia.com/gpu: 1}
`,
      errors: [
        { messageId: 'missing', line: 12, message: 'namespace "llm"' },
        { messageId: 'missing', line: 50, message: 'RayCluster "rc"' },
      ],
    },
    {
      name: 'a request-only GPU and an init container are still GPU use',
      variants: [],
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: warmup
      image: warm:1.0
      resources:
        requests: {nvidia.com/mig-1g.10gb: 1}
  containers:
    - name: main
      image: main:1.0
`,
      errors: [{ messageId: 'missing', line: 10, column: 44 }],
    },
  ],
});
