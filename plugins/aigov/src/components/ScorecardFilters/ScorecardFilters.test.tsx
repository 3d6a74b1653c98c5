import { useState } from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ScorecardFilters } from './ScorecardFilters';
import {
  NO_FILTERS,
  filtersFromSearchParams,
  filtersToSearchParams,
  toScoreQuery,
  type ScorecardFilterValues,
} from './filters';

const TEAMS = [
  { entityRef: 'group:default/ai-division', title: 'AI Division' },
  { entityRef: 'group:default/ml-platform', title: 'ML Platform', parentTitle: 'AI Division' },
];

function Harness({
  initial = NO_FILTERS,
  onChange,
}: {
  initial?: ScorecardFilterValues;
  onChange: (v: ScorecardFilterValues) => void;
}) {
  const [value, setValue] = useState(initial);
  return (
    <ScorecardFilters
      value={value}
      onChange={(v) => {
        setValue(v);
        onChange(v);
      }}
      teams={TEAMS}
      kinds={['Component', 'Resource']}
      debounceMs={20}
    />
  );
}

describe('ScorecardFilters', () => {
  it('picks a team and a kind, toggles grades and searches after a pause in typing', async () => {
    const onChange = jest.fn();
    render(<Harness onChange={onChange} />);
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: /Team/ }));
    await user.click(await screen.findByRole('option', { name: 'ML Platform (AI Division)' }));
    expect(onChange).toHaveBeenLastCalledWith({ ...NO_FILTERS, team: 'group:default/ml-platform' });

    await user.click(screen.getByRole('button', { name: 'Grade F' }));
    await user.click(screen.getByRole('button', { name: 'Grade D' }));
    // Always in grade order, whatever the order of the clicks.
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ grades: ['D', 'F'] }));
    await user.click(screen.getByRole('button', { name: 'Grade F' }));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ grades: ['D'] }));

    await user.click(screen.getByRole('button', { name: /Kind/ }));
    await user.click(await screen.findByRole('option', { name: 'Resource' }));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ kind: 'Resource' }));

    const calls = onChange.mock.calls.length;
    await user.type(screen.getByRole('searchbox', { name: 'Search services' }), 'chat');
    await waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith({
        team: 'group:default/ml-platform',
        grades: ['D'],
        kind: 'Resource',
        q: 'chat',
      }),
    );
    // One change for the whole word, not one per key.
    expect(onChange.mock.calls.length).toBe(calls + 1);

    await user.click(screen.getByRole('button', { name: /Team/ }));
    await user.click(await screen.findByRole('option', { name: 'All teams' }));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ team: undefined }));
  });

  it('offers a team from the URL that is not ranked, by its ref', () => {
    render(
      <Harness initial={{ ...NO_FILTERS, team: 'group:default/gone' }} onChange={jest.fn()} />,
    );
    expect(screen.getByRole('button', { name: /Team/ })).toHaveTextContent('group:default/gone');
  });
});

describe('scorecard filters in the URL and the query', () => {
  it('round-trip through the URL and ignore what is not a grade', () => {
    const filters: ScorecardFilterValues = {
      team: 'group:default/ml-platform',
      grades: ['D', 'F'],
      kind: 'Component',
      q: 'chat',
    };
    const params = filtersToSearchParams(filters);
    expect(params.toString()).toBe(
      'team=group%3Adefault%2Fml-platform&grade=D%2CF&kind=Component&q=chat',
    );
    expect(filtersFromSearchParams(params)).toEqual(filters);
    expect(filtersFromSearchParams(new URLSearchParams('grade=f,Z,a,,B'))).toEqual({
      grades: ['A', 'B', 'F'],
      q: '',
    });
    expect(filtersToSearchParams(NO_FILTERS).toString()).toBe('');
  });

  it('become the backend’s query', () => {
    expect(toScoreQuery(NO_FILTERS)).toEqual({});
    expect(
      toScoreQuery({ team: 'group:default/ml', grades: ['F'], kind: 'Resource', q: '  llm ' }),
    ).toEqual({ team: 'group:default/ml', grade: ['F'], kind: ['Resource'], q: 'llm' });
  });
});
