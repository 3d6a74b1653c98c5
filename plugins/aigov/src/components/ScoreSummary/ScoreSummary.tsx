import type {
  AigovGrade,
  AigovScanStatus,
  AigovSeverityCounts,
} from '@aigov/backstage-plugin-common';
import { Flex, Text } from '@backstage/ui';
import { GradeBadge } from '../GradeBadge';
import { SeverityCounts } from '../SeverityCounts';

export interface ScoreSummaryProps {
  score: number;
  grade: AigovGrade;
  counts: AigovSeverityCounts;
  /** `partial`: some objects could not be read; the score covers the rest. */
  status?: AigovScanStatus;
  /** Rule checks that applied, and how many failed. */
  checks?: { total: number; failed: number };
}

/** Overall score and grade with the findings by severity: the head of the tab and the card. */
export function ScoreSummary({ score, grade, counts, status, checks }: ScoreSummaryProps) {
  return (
    <Flex align="center" gap="4" role="group" aria-label="Score summary">
      <GradeBadge grade={grade} score={score} size="large" />
      <Flex direction="column" gap="1">
        <Text variant="title-medium" as="p">
          {score}
          <Text variant="body-medium" color="secondary">
            {' '}
            / 100
          </Text>
          {status === 'partial' && (
            <Text variant="body-small" color="warning">
              {'  '}partial
            </Text>
          )}
        </Text>
        <SeverityCounts counts={counts} />
        {checks && (
          <Text variant="body-small" color="secondary">
            {checks.total - checks.failed} of {checks.total} checks passed
          </Text>
        )}
      </Flex>
    </Flex>
  );
}
