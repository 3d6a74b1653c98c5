import type { ReactNode } from 'react';
import { Card, CardBody, Flex, Text } from '@backstage/ui';

export interface ScorecardMessageProps {
  title: string;
  children: ReactNode;
  /** A link or button under the text. */
  action?: ReactNode;
}

/** A full-width message in place of the scorecard: not installed, not allowed, no scores. */
export function ScorecardMessage({ title, children, action }: ScorecardMessageProps) {
  return (
    <Card>
      <CardBody>
        <section aria-label={title}>
          <Flex direction="column" gap="2" style={{ padding: '24px 8px', maxWidth: 720 }}>
            <Text as="h2" variant="title-small">
              {title}
            </Text>
            <Text as="div" variant="body-medium" color="secondary">
              {children}
            </Text>
            {action}
          </Flex>
        </section>
      </CardBody>
    </Card>
  );
}
