import type { AigovCategory, AigovCategoryScore } from '@aigov/backstage-plugin-common';
import { CATEGORY_TITLES, RULE_CATEGORIES } from '@aigov/rules';
import { Flex, Text } from '@backstage/ui';
import { GradeBadge } from '../GradeBadge';
import { MUTED_BG, gradeColor } from '../presentation';

export interface CategoryScoreBarsProps {
  categories: Partial<Record<AigovCategory, AigovCategoryScore>>;
}

/**
 * One bar per rule category that had checks, in the catalog's order: the score (0–100) as a
 * meter, with its grade. Categories without applicable checks are left out.
 */
export function CategoryScoreBars({ categories }: CategoryScoreBarsProps) {
  const present = RULE_CATEGORIES.flatMap((category) => {
    const s = categories[category];
    return s ? [{ category, ...s }] : [];
  });
  if (present.length === 0)
    return (
      <Text variant="body-medium" color="secondary">
        No rule applied to these objects.
      </Text>
    );
  return (
    <Flex direction="column" gap="2">
      {present.map(({ category, score, grade }) => {
        const title = CATEGORY_TITLES[category];
        return (
          <Flex key={category} align="center" gap="2">
            <Text variant="body-medium" style={{ width: 96, flex: 'none' }}>
              {title}
            </Text>
            <div
              role="meter"
              aria-label={`${title} score`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={score}
              aria-valuetext={`${score} of 100, grade ${grade}`}
              style={{
                flex: 1,
                height: 10,
                borderRadius: 5,
                background: MUTED_BG,
                overflow: 'hidden',
              }}
            >
              <div
                style={{ width: `${score}%`, height: '100%', background: gradeColor(grade).fg }}
              />
            </div>
            <Text variant="body-medium" style={{ width: 32, textAlign: 'right', flex: 'none' }}>
              {score}
            </Text>
            <GradeBadge grade={grade} score={score} />
          </Flex>
        );
      })}
    </Flex>
  );
}
