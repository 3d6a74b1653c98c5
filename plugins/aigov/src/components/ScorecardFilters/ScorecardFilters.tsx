import { useEffect, useRef, useState } from 'react';
import { AIGOV_GRADES, type AigovGrade } from '@aigov/backstage-plugin-common';
import { Flex, SearchField, Select, Text, ToggleButton } from '@backstage/ui';
import type { ScorecardFilterValues } from './filters';

export interface ScorecardFiltersProps {
  value: ScorecardFilterValues;
  onChange: (value: ScorecardFilterValues) => void;
  /** The teams to offer, in the order given. */
  teams: readonly { entityRef: string; title: string; parentTitle?: string }[];
  /** Entity kinds to offer. */
  kinds: readonly string[];
  /** Typing waits this long before the search applies (default 300 ms). */
  debounceMs?: number;
}

const ALL = '__all__';

/** Team, grade, kind and a text search over the services. */
export function ScorecardFilters({
  value,
  onChange,
  teams,
  kinds,
  debounceMs = 300,
}: ScorecardFiltersProps) {
  const [text, setText] = useState(value.q);
  const latest = useRef({ value, onChange });
  latest.current = { value, onChange };

  // The URL may change the search (back button, a shared link): follow it.
  useEffect(() => setText(value.q), [value.q]);

  useEffect(() => {
    if (text === latest.current.value.q) return undefined;
    const timer = setTimeout(
      () => latest.current.onChange({ ...latest.current.value, q: text }),
      debounceMs,
    );
    return () => clearTimeout(timer);
  }, [text, debounceMs]);

  const toggleGrade = (grade: AigovGrade, on: boolean) =>
    onChange({
      ...value,
      grades: AIGOV_GRADES.filter((g) => (g === grade ? on : value.grades.includes(g))),
    });

  // A team from the URL that is not in the ranking (yet) is still offered, by its ref.
  const teamOptions = [
    { id: ALL, label: 'All teams' },
    ...teams.map((t) => ({
      id: t.entityRef,
      label: t.parentTitle ? `${t.title} (${t.parentTitle})` : t.title,
    })),
    ...(value.team && !teams.some((t) => t.entityRef === value.team)
      ? [{ id: value.team, label: value.team }]
      : []),
  ];
  const kindOptions = [
    { id: ALL, label: 'All kinds' },
    ...kinds.map((k) => ({ id: k, label: k })),
    ...(value.kind && !kinds.includes(value.kind) ? [{ id: value.kind, label: value.kind }] : []),
  ];

  return (
    <Flex gap="4" align="end" style={{ flexWrap: 'wrap' }}>
      <div style={{ minWidth: 200 }}>
        <Select
          label="Team"
          options={teamOptions}
          selectedKey={value.team ?? ALL}
          onSelectionChange={(key) => {
            onChange({ ...value, team: key === null || key === ALL ? undefined : String(key) });
          }}
        />
      </div>
      <Flex gap="1" align="center" role="group" aria-label="Filter by grade">
        <Text variant="body-small" color="secondary">
          Grade
        </Text>
        {AIGOV_GRADES.map((g) => (
          <ToggleButton
            key={g}
            size="small"
            aria-label={`Grade ${g}`}
            isSelected={value.grades.includes(g)}
            onChange={(on) => toggleGrade(g, on)}
          >
            {g}
          </ToggleButton>
        ))}
      </Flex>
      <div style={{ minWidth: 160 }}>
        <Select
          label="Kind"
          options={kindOptions}
          selectedKey={value.kind ?? ALL}
          onSelectionChange={(key) => {
            onChange({ ...value, kind: key === null || key === ALL ? undefined : String(key) });
          }}
        />
      </div>
      <div style={{ minWidth: 220 }}>
        <SearchField label="Search services" value={text} onChange={setText} />
      </div>
    </Flex>
  );
}
