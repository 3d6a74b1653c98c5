import { defineRule } from '../../engine/rule';
import { asString, asStrings } from '../../util/json';

interface ImageRef {
  tag: string | undefined;
  digest: boolean;
}

/**
 * Splits an image reference. The tag follows the last `:` after the last `/`, so a registry port
 * (`registry:5000/team/model`) is not a tag.
 */
export function parseImage(image: string): ImageRef {
  const at = image.indexOf('@');
  const name = at < 0 ? image : image.slice(0, at);
  const colon = name.lastIndexOf(':');
  const tag = colon > name.lastIndexOf('/') ? name.slice(colon + 1) : undefined;
  return { tag: tag === '' ? undefined : tag, digest: at >= 0 && at < image.length - 1 };
}

/**
 * Images that are filled in later (`$(IMAGE)`, `$VLLM_IMAGE`, `{{ .Values.image }}`, `<image>`)
 * cannot be judged: no image reference contains these characters.
 */
function isPlaceholder(image: string): boolean {
  return /[$<>{}]/.test(image);
}

export default defineRule({
  meta: {
    id: 'security/image-tag-mutable',
    category: 'security',
    severity: 'warning',
    tags: ['supply-chain'],
    description: 'An image with the :latest tag or no tag (digest pinning recommended).',
    rationale:
      'An image without a tag is pulled as :latest, and :latest (like any tag) can be pushed over at any ' +
      'time: two replicas of the same Deployment can run different code, a rollback does not roll back, and ' +
      'a compromised registry account ships straight to production. With imagePullPolicy defaulting to ' +
      'Always for :latest, every restart of a model server can also pull tens of gigabytes of a new CUDA ' +
      'image. A digest (@sha256:…) pins the exact bytes; a specific version tag is the minimum.',
    remediation:
      'Use a specific version tag (vllm/vllm-openai:v0.6.3) or, better, pin the digest ' +
      '(vllm/vllm-openai:v0.6.3@sha256:…), and let a tool such as Renovate or Dependabot bump it.',
    anchors: ['Polaris tagNotSpecified', 'kube-linter latest-tag', 'Checkov CKV_K8S_14'],
    messages: {
      untagged:
        'Container "{{container}}" uses image "{{image}}" without a tag, so it runs whatever :latest is.',
      mutableTag:
        'Container "{{container}}" uses image "{{image}}" with the mutable tag "{{tag}}".',
    },
    options: {
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          mutableTags: {
            type: 'array',
            items: { type: 'string' },
            description:
              'Tags reported as mutable, besides a missing tag (for example "nightly" or "main").',
          },
        },
      },
      defaults: { mutableTags: ['latest'] },
    },
  },
  check(ctx) {
    const mutable = new Set(asStrings(ctx.options.mutableTags));
    for (const { container, template } of ctx.containers()) {
      const image = asString(container.value.image)?.trim();
      if (!image || isPlaceholder(image)) continue;
      const r = ctx.on(template, container);
      const { tag, digest } = parseImage(image);
      if (digest) continue;
      const path = [...container.path, 'image'];
      if (tag === undefined) r.report('untagged', path, { container: container.name, image });
      else if (mutable.has(tag))
        r.report('mutableTag', path, { container: container.name, image, tag });
    }
  },
});
