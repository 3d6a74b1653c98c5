import rule from '../../../src/rules/security/image-tag-mutable';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'version tags and digests',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm}
spec:
  template:
    spec:
      initContainers:
        - name: fetch
          image: registry.example.com:5000/tools/fetch:1.2.0
      containers:
        - name: vllm
          image: vllm/vllm-openai@sha256:4f3b7d1e9c2a5b8f0d6e1c7a9b3f5d2e8c4a6b0f1d3e5c7a9b2d4f6e8a0c1b3d
        - name: sidecar
          image: ghcr.io/example/sidecar:latest@sha256:0d6e1c7a9b3f5d2e8c4a6b0f1d3e5c7a9b2d4f6e8a0c1b3d4f3b7d1e9c2a5b8f
`,
    },
    {
      name: 'placeholders filled in later are not judged',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: $VLLM_IMAGE
    - name: b
      image: <image>
    - name: c
      image: "\${REGISTRY}/model"
`,
    },
    {
      name: 'KServe model without an image uses the runtime image',
      code: `
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llm}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
      storageUri: hf://meta-llama/Llama-3.1-8B-Instruct
`,
    },
    {
      name: 'a tag named like latest is not latest',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: lmsysorg/sglang:latest-cu124
`,
    },
  ],
  invalid: [
    {
      name: 'latest',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: sglang}
spec:
  template:
    spec:
      containers:
        - name: sglang
          image: lmsysorg/sglang:latest
`,
      errors: [{ messageId: 'mutableTag', line: 10, column: 18, message: 'tag "latest"' }],
    },
    {
      name: 'no tag, and a registry port is not a tag',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  template:
    spec:
      initContainers:
        - name: fetch
          image: registry.local:5000/team/fetch
      containers:
        - name: api
          image: busybox
`,
      errors: [
        {
          messageId: 'untagged',
          line: 10,
          container: 'fetch',
          message: '"registry.local:5000/team/fetch" without a tag',
        },
        { messageId: 'untagged', line: 13, container: 'api' },
      ],
    },
    {
      name: 'TrainJob trainer image',
      code: `
apiVersion: trainer.kubeflow.org/v1alpha1
kind: TrainJob
metadata: {name: ft}
spec:
  runtimeRef: {name: torch-distributed}
  trainer:
    image: docker.io/kubeflow/pytorch-mnist:latest
    numNodes: 2
`,
      errors: [{ messageId: 'mutableTag', line: 8, column: 12, container: 'node' }],
    },
    {
      name: 'configured mutable tags',
      options: { mutableTags: ['latest', 'nightly'] },
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: vllm}
spec:
  template:
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:nightly
`,
      errors: [{ messageId: 'mutableTag', line: 10, message: '"nightly"' }],
    },
    {
      name: 'Ray worker group and KServe predictor containers',
      variants: [],
      code: `
apiVersion: ray.io/v1
kind: RayCluster
metadata: {name: rc}
spec:
  headGroupSpec:
    rayStartParams: {}
    template:
      spec:
        containers:
          - name: ray-head
            image: rayproject/ray:2.52.0
  workerGroupSpecs:
    - groupName: gpu
      rayStartParams: {}
      template:
        spec:
          containers:
            - name: ray-worker
              image: rayproject/ray
---
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: llm}
spec:
  predictor:
    model:
      modelFormat: {name: huggingface}
      image: kserve/huggingfaceserver:latest
`,
      errors: [
        { messageId: 'untagged', line: 20, container: 'ray-worker' },
        { messageId: 'mutableTag', line: 29, container: 'kserve-container' },
      ],
    },
  ],
});
