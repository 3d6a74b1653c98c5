import rule from '../../../src/rules/monitoring/dcgm-metric-unknown';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'default metrics in alerts, including the driver version label',
      code: `
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata: {name: gpu}
spec:
  groups:
    - name: gpu
      rules:
        - alert: GpuXid
          expr: DCGM_FI_DEV_XID_ERRORS > 0
        - alert: GpuMemoryFull
          expr: |
            DCGM_FI_DEV_FB_USED / (DCGM_FI_DEV_FB_USED + DCGM_FI_DEV_FB_FREE) > 0.95
        - alert: OldDriver
          expr: count by (DCGM_FI_DRIVER_VERSION) (DCGM_FI_PROF_GR_ENGINE_ACTIVE) > 1
`,
    },
    {
      name: 'HPA on a default metric (v2 and v2beta1), KEDA query',
      code: `
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: vllm}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: vllm}
  maxReplicas: 4
  metrics:
    - type: Pods
      pods:
        metric: {name: DCGM_FI_DEV_GPU_UTIL}
        target: {type: AverageValue, averageValue: "80"}
---
apiVersion: autoscaling/v2beta1
kind: HorizontalPodAutoscaler
metadata: {name: old}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: old}
  maxReplicas: 4
  metrics:
    - type: External
      external: {metricName: DCGM_FI_DEV_MEM_COPY_UTIL, targetAverageValue: "50"}
---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: vllm}
spec:
  scaleTargetRef: {name: vllm}
  triggers:
    - type: prometheus
      metadata:
        serverAddress: http://prometheus:9090
        query: avg(DCGM_FI_PROF_PIPE_TENSOR_ACTIVE{pod=~"vllm-.*"})
        threshold: "0.5"
`,
    },
    {
      name: 'fields enabled by a counters ConfigMap, recording rules and the option',
      options: { extraMetrics: ['DCGM_FI_PROF_SM_OCCUPANCY'] },
      code: `
apiVersion: v1
kind: ConfigMap
metadata: {name: dcgm-metrics}
data:
  dcgm-metrics.csv: |
    # enabled on purpose
    DCGM_FI_PROF_SM_ACTIVE, gauge, The ratio of cycles an SM has at least 1 warp assigned.
    # DCGM_FI_DEV_ECC_DBE_VOL_TOTAL, counter, not enabled
---
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata: {name: gpu}
spec:
  groups:
    - name: gpu
      rules:
        - record: DCGM_SM_ACTIVE_AVG
          expr: avg by (Hostname) (DCGM_FI_PROF_SM_ACTIVE)
        - alert: Idle
          expr: DCGM_SM_ACTIVE_AVG < 0.1 or gpu:DCGM_UNKNOWN:rate5m > 1
        - alert: LowOccupancy
          expr: DCGM_FI_PROF_SM_OCCUPANCY < 0.05
`,
    },
    {
      name: 'no DCGM metric at all; odd values do not crash',
      code: `
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata: {name: other}
spec:
  groups:
    - name: a
      rules:
        - alert: Down
          expr: up == 0
        - alert: Number
          expr: 1
        - just-a-string
    - not-a-group
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: h}
spec:
  metrics: {pods: {metric: {name: DCGM_FI_DEV_GPU_UTILIZATION}}}
`,
    },
  ],
  invalid: [
    {
      name: 'a typo in an alert and a field that needs enabling',
      code: `
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata: {name: gpu}
spec:
  groups:
    - name: gpu
      rules:
        - alert: GpuHot
          expr: DCGM_FI_DEV_GPU_TEMPERATURE > 85
        - alert: GpuEcc
          expr: increase(DCGM_FI_DEV_ECC_DBE_VOL_TOTAL[5m]) > 0 and DCGM_FI_DEV_GPU_UTIL > 0
`,
      errors: [
        {
          messageId: 'typo',
          line: 10,
          column: 17,
          message: 'did you mean "DCGM_FI_DEV_GPU_TEMP"?',
        },
        {
          messageId: 'notDefault',
          line: 12,
          column: 17,
          message: '"DCGM_FI_DEV_ECC_DBE_VOL_TOTAL"',
        },
      ],
    },
    {
      name: 'HPA pods metric that dcgm-exporter does not export',
      code: `
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: vllm}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: vllm}
  maxReplicas: 4
  metrics:
    - type: Pods
      pods:
        metric:
          name: DCGM_FI_DEV_GPU_UTILIZATION
        target: {type: AverageValue, averageValue: "80"}
    - type: Object
      object:
        metric: {name: DCGM_FI_PROF_SM_ACTIVE}
        describedObject: {kind: Service, name: vllm}
        target: {type: Value, value: "1"}
`,
      errors: [
        {
          messageId: 'typo',
          line: 12,
          column: 17,
          message: 'did you mean "DCGM_FI_DEV_GPU_UTIL"?',
        },
        { messageId: 'notDefault', line: 16, column: 24 },
      ],
    },
    {
      name: 'a KEDA query on a commented-out exporter metric',
      code: `
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: vllm}
spec:
  scaleTargetRef: {name: vllm}
  triggers:
    - type: prometheus
      metadata:
        serverAddress: http://prometheus:9090
        query: sum(rate(DCGM_EXP_XID_ERRORS_TOTAL[5m]))
        threshold: "1"
`,
      errors: [{ messageId: 'notDefault', line: 11, column: 16 }],
    },
    {
      name: 'a name far from every known one gets no suggestion',
      code: `
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata: {name: gpu}
spec:
  groups:
    - name: gpu
      rules:
        - alert: Weird
          expr: DCGM_SOMETHING_ELSE_ENTIRELY > 0
`,
      errors: [
        { messageId: 'unknown', line: 10, message: 'is not a metric dcgm-exporter exports.' },
      ],
    },
  ],
});
