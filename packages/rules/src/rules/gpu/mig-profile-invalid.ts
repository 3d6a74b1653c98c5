import { defineRule } from '../../engine/rule';
import { resourceLists } from '../../util/container-resources';
import { isMigName, isMigProfile } from './gpu-resources';

export default defineRule({
  meta: {
    id: 'gpu/mig-profile-invalid',
    category: 'gpu',
    severity: 'error',
    tags: ['gpu', 'mig'],
    description: '`nvidia.com/mig-*` name not of the form `<n>g.<m>gb` (optionally `.me`).',
    rationale:
      'With the `mixed` MIG strategy the NVIDIA device plugin advertises each MIG profile as its own resource: ' +
      '`nvidia.com/mig-<slices>g.<memory>gb`, such as nvidia.com/mig-1g.10gb or nvidia.com/mig-3g.40gb, with ' +
      '`.me` (or `.me.all`, `-me`) for the media-extension variants and `.shared` when the slice is ' +
      'time-shared. The API server accepts any well-formed resource name, so a misspelt profile ' +
      '(`mig-1g10gb`, `mig-1g.10GB`, `mig-3g.40`) is only noticed when the pod stays Pending forever: no node ' +
      'offers that resource.',
    remediation:
      'Use a profile your GPUs expose, written as nvidia.com/mig-<n>g.<m>gb (check `kubectl describe node` ' +
      'for the allocatable nvidia.com/mig-* resources), or nvidia.com/gpu with the `single` MIG strategy.',
    messages: {
      invalid:
        'Container "{{container}}" asks for "{{resource}}", which is not a MIG profile name ' +
        '(nvidia.com/mig-<n>g.<m>gb, for example nvidia.com/mig-1g.10gb).',
    },
  },
  check(ctx) {
    for (const { container, template } of ctx.containers()) {
      const lists = resourceLists(container);
      const names = new Set([...Object.keys(lists.requests), ...Object.keys(lists.limits)]);
      const mig = [...names].filter(isMigName);
      if (mig.length === 0) continue;
      const reporter = ctx.on(template, container);
      for (const name of mig) {
        if (isMigProfile(name)) continue;
        const field = lists.requests[name] !== undefined ? 'requests' : 'limits';
        reporter.report('invalid', [...container.resourcesPath, field, name], {
          container: container.name,
          resource: name,
        });
      }
    }
  },
});
