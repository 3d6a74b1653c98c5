import rule from '../../../src/rules/storage/runtime-socket';
import { RuleTester } from '../../../src/testing';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'host paths that hold no runtime socket',
      code: `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: dcgm-exporter}
spec:
  template:
    spec:
      containers:
        - name: exporter
          image: nvcr.io/nvidia/k8s/dcgm-exporter:3.3.5-3.4.0-ubuntu22.04
      volumes:
        - name: pod-resources
          hostPath: {path: /var/lib/kubelet/pod-resources}
        - name: logs
          hostPath: {path: /var/log}
        - name: var
          hostPath: {path: /var}
`,
    },
    {
      name: 'a socket-like path in a PVC or emptyDir is not a host mount',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
      volumeMounts:
        - {name: sock, mountPath: /var/run/docker.sock}
  volumes:
    - name: sock
      emptyDir: {}
`,
    },
    {
      name: 'a relative or non-string path is ignored',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
  volumes:
    - name: a
      hostPath: {path: var/run/docker.sock}
    - name: b
      hostPath: {path: 42}
`,
    },
  ],
  invalid: [
    {
      name: 'the Docker socket points at the path value',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: builder}
spec:
  template:
    spec:
      containers:
        - name: build
          image: docker:24
          volumeMounts:
            - {name: docker, mountPath: /var/run/docker.sock}
      volumes:
        - name: docker
          hostPath:
            path: /var/run/docker.sock
            type: Socket
`,
      errors: [{ messageId: 'socket', line: 16, column: 19, message: '"/var/run/docker.sock"' }],
    },
    {
      name: 'containerd, CRI-O and k3s sockets, trailing slashes and doubled slashes',
      code: `
apiVersion: batch/v1
kind: Job
metadata: {name: scan}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: scan
          image: scan:1.0
      volumes:
        - name: containerd
          hostPath: {path: /run/containerd/containerd.sock}
        - name: crio
          hostPath: {path: /var/run/crio/crio.sock/}
        - name: k3s
          hostPath: {path: //run/k3s/containerd/containerd.sock}
`,
      errors: [
        { messageId: 'socket', line: 14 },
        { messageId: 'socket', line: 16 },
        { messageId: 'socket', line: 18 },
      ],
    },
    {
      name: 'directories that hold a socket',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
  volumes:
    - name: run
      hostPath: {path: /var/run}
    - name: containerd
      hostPath: {path: /run/containerd/}
    - name: root
      hostPath: {path: /}
`,
      errors: [
        { messageId: 'directory', line: 11, message: '"/var/run/containerd/containerd.sock"' },
        { messageId: 'directory', line: 13, message: '"/run/containerd/containerd.sock"' },
        { messageId: 'directory', line: 15 },
      ],
    },
    {
      name: 'a malformed hostPath string points at the hostPath key',
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
  volumes:
    - name: docker
      hostPath: /var/run/docker.sock
`,
      errors: [{ messageId: 'socket', line: 11, column: 17 }],
    },
    {
      name: 'an additional socket from the options',
      options: { additionalSockets: ['/opt/containerd/run/containerd.sock'] },
      code: `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: main
      image: main:1.0
  volumes:
    - name: custom
      hostPath: {path: /opt/containerd/run/containerd.sock}
`,
      errors: [{ messageId: 'socket', line: 11 }],
    },
    {
      name: 'RayJob submitter',
      variants: [],
      code: `
apiVersion: ray.io/v1
kind: RayJob
metadata: {name: job}
spec:
  entrypoint: python train.py
  rayClusterSpec:
    headGroupSpec:
      rayStartParams: {}
      template:
        spec:
          containers:
            - name: head
              image: rayproject/ray:2.9.0
  submitterPodTemplate:
    spec:
      restartPolicy: Never
      containers:
        - name: submit
          image: rayproject/ray:2.9.0
      volumes:
        - name: docker
          hostPath: {path: /var/run/docker.sock}
`,
      errors: [{ messageId: 'socket', line: 23 }],
    },
  ],
});
