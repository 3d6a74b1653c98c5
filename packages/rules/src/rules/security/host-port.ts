import { defineRule } from '../../engine/rule';
import { asArray, asNumber, asObject } from '../../util/json';

export default defineRule({
  meta: {
    id: 'security/host-port',
    category: 'security',
    severity: 'warning',
    tags: ['pod-security', 'scheduling'],
    description: 'A container port bound to a port of the node (hostPort).',
    rationale:
      'A hostPort opens the port on the address of the node, outside Services and NetworkPolicies, so a model ' +
      'server or metrics endpoint becomes reachable by anything that can reach the node. It also limits the pod ' +
      'to one replica per node and makes scheduling fail when another pod holds the port. In a pod with ' +
      'hostNetwork: true every port is a host port: security/host-namespaces reports that pod instead.',
    remediation:
      'Remove hostPort and put a Service (ClusterIP, or LoadBalancer behind authentication) in front of the ' +
      'containerPort.',
    anchors: ['Polaris hostPortSet', 'Checkov CKV_K8S_26'],
    messages: {
      hostPort:
        'Container "{{container}}" binds port {{containerPort}} to port {{hostPort}} of the node.',
    },
  },
  check(ctx) {
    for (const { container, template } of ctx.containers()) {
      if (!template.ownsPodSpec || template.spec.hostNetwork === true) continue;
      const r = ctx.on(template, container);
      asArray(container.value.ports).forEach((port, i) => {
        const p = asObject(port);
        const hostPort = asNumber(p?.hostPort);
        if (hostPort === undefined || hostPort <= 0) return;
        r.report('hostPort', [...container.path, 'ports', i, 'hostPort'], {
          container: container.name,
          containerPort: asNumber(p?.containerPort) ?? '?',
          hostPort,
        });
      });
    }
  },
});
