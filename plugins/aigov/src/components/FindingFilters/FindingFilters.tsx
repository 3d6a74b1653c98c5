import type { AigovCategory, AigovSeverity } from '@aigov/backstage-plugin-common';
import { CATEGORY_TITLES, RULE_CATEGORIES } from '@aigov/rules';
import { Flex, Switch, Text, ToggleButton } from '@backstage/ui';
import { SEVERITIES } from '@aigov/rules';
import type { FindingFilter } from '../../lib/findings';
import { SEVERITY_LABEL } from '../presentation';

export interface FindingFiltersProps {
  filter: FindingFilter;
  onChange: (filter: FindingFilter) => void;
  /** Categories that have findings; only these are offered. */
  categories: readonly AigovCategory[];
  /** Whether there is any suppressed finding (the switch shows only then). */
  hasSuppressed: boolean;
}

function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
}

/** Severity and category toggles (none selected shows all) and a switch for suppressed findings. */
export function FindingFilters({
  filter,
  onChange,
  categories,
  hasSuppressed,
}: FindingFiltersProps) {
  const offered = RULE_CATEGORIES.filter((c) => categories.includes(c));
  return (
    <Flex gap="4" align="center" style={{ flexWrap: 'wrap' }}>
      <Flex gap="1" align="center" role="group" aria-label="Filter by severity">
        <Text variant="body-small" color="secondary">
          Severity
        </Text>
        {SEVERITIES.map((s: AigovSeverity) => (
          <ToggleButton
            key={s}
            size="small"
            isSelected={filter.severities.includes(s)}
            onChange={(on) => onChange({ ...filter, severities: toggle(filter.severities, s, on) })}
          >
            {SEVERITY_LABEL[s]}
          </ToggleButton>
        ))}
      </Flex>
      {offered.length > 0 && (
        <Flex
          gap="1"
          align="center"
          role="group"
          aria-label="Filter by category"
          style={{ flexWrap: 'wrap' }}
        >
          <Text variant="body-small" color="secondary">
            Category
          </Text>
          {offered.map((c) => (
            <ToggleButton
              key={c}
              size="small"
              isSelected={filter.categories.includes(c)}
              onChange={(on) =>
                onChange({ ...filter, categories: toggle(filter.categories, c, on) })
              }
            >
              {CATEGORY_TITLES[c]}
            </ToggleButton>
          ))}
        </Flex>
      )}
      {hasSuppressed && (
        <Switch
          label="Show suppressed"
          isSelected={filter.showSuppressed}
          onChange={(on) => onChange({ ...filter, showSuppressed: on })}
        />
      )}
    </Flex>
  );
}
