import type { AigovFinding } from '@aigov/backstage-plugin-common';
import { Link, Text } from '@backstage/ui';

/** The finding's rule id, linking to the rule's documentation. */
export function RuleLink({
  finding,
  variant = 'body-x-small',
}: {
  finding: Pick<AigovFinding, 'ruleId' | 'docsUrl'>;
  variant?: 'body-small' | 'body-x-small';
}) {
  return (
    <Link href={finding.docsUrl} target="_blank" rel="noopener noreferrer" variant={variant}>
      {finding.ruleId}
    </Link>
  );
}

/**
 * Where in the object the finding is, e.g. `spec.template.spec.containers[0].resources`: it also
 * tells apart the pod templates of one object (a PyTorchJob's Master and Worker).
 */
export function FindingPath({ path }: { path: string }) {
  return (
    <Text
      variant="body-x-small"
      color="secondary"
      style={{ fontFamily: 'var(--bui-font-monospace, monospace)' }}
    >
      {path}
    </Text>
  );
}
