import { render, screen } from '@testing-library/react';
import { ScoreTrend, dailyTrend, describeTrend, scanTrend } from './ScoreTrend';
import { formatAge, formatDateTime } from './time';
import { history } from '../../api/testing/fixtures';
import { must } from '../../testUtils/must';

const DAY = 86_400_000;
const points = [
  { time: Date.UTC(2025, 10, 24, 12), score: 61, grade: 'D' as const },
  { time: Date.UTC(2025, 10, 26, 12), score: 70, grade: 'C' as const },
  { time: Date.UTC(2025, 10, 28, 12), score: 74, grade: 'C' as const },
];

describe('ScoreTrend', () => {
  it('draws a sparkline with the change since the first point', () => {
    const { container } = render(<ScoreTrend points={points} subject="Chat assistant" />);
    const img = screen.getByRole('img', { name: /^Score trend of Chat assistant: 3 scans from / });
    expect(img).toHaveAttribute('data-points', '3');
    expect(img).toHaveAccessibleName(
      `Score trend of Chat assistant: 3 scans from ${formatDateTime(must(points[0]).time)} to ${formatDateTime(must(points[2]).time)}, 61 to 74`,
    );
    expect(container.querySelector('polyline')?.getAttribute('points')?.split(' ')).toHaveLength(3);
    expect(screen.getByText('+13')).toBeInTheDocument();
  });

  it('shows a fall and a single scan without a line', () => {
    const { rerender, container } = render(
      <ScoreTrend
        points={[...points].reverse().map((p, i) => ({ ...p, time: must(points[i]).time }))}
        subject="x"
      />,
    );
    expect(screen.getByText('−13')).toBeInTheDocument();
    rerender(<ScoreTrend points={[must(points[0])]} subject="Embeddings" />);
    expect(screen.getByRole('img')).toHaveAccessibleName(
      `Score trend of Embeddings: 1 scan, ${formatDateTime(must(points[0]).time)}, score 61`,
    );
    expect(container.querySelector('polyline')).toBeNull();
    expect(screen.getByText('±0')).toBeInTheDocument();
  });

  it('says when there is no history', () => {
    render(<ScoreTrend points={[]} subject="x" />);
    expect(screen.getByText('no history')).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(describeTrend([], 'x')).toBe('No score history of x');
  });

  it('draws a chart with a dot per point, in its grade’s colour, titled with its score', () => {
    const { container } = render(
      <ScoreTrend points={points} subject="Chat assistant" variant="chart" />,
    );
    expect(screen.getByRole('img')).toHaveAttribute('data-points', '3');
    const dots = [...container.querySelectorAll('circle')];
    expect(dots).toHaveLength(3);
    expect(dots.map((d) => d.querySelector('title')?.textContent)).toEqual(
      points.map((p) => `${formatDateTime(p.time)}: ${p.score} (${p.grade})`),
    );
    expect(dots[0]?.getAttribute('fill')).toContain('warning'); // D
    // The axis: 0, 50 and 100.
    expect([...container.querySelectorAll('text')].map((t) => t.textContent)).toEqual(
      expect.arrayContaining(['0', '50', '100']),
    );
    // Higher scores are drawn higher up.
    const ys = dots.map((d) => Number(d.getAttribute('cy')));
    expect(ys[0]).toBeGreaterThan(must(ys[2]));
  });

  it('counts days for team histories', () => {
    render(
      <ScoreTrend
        points={dailyTrend([
          { date: '2025-11-27', score: 78, grade: 'C', entities: 3 },
          { date: '2025-11-28', score: 82, grade: 'B', entities: 3 },
        ])}
        subject="ML Platform"
        unit="day"
      />,
    );
    expect(
      screen.getByRole('img', { name: /^Score trend of ML Platform: 2 days from / }),
    ).toBeInTheDocument();
  });
});

describe('trend points', () => {
  it('keeps the points whose time can be read', () => {
    const items = history([60, 70]);
    expect(
      scanTrend([...items, { ...must(items[0]), time: 'not a time' }]).map((p) => p.score),
    ).toEqual([60, 70]);
    expect(
      dailyTrend([
        { date: '2025-11-28', score: 82, grade: 'B', entities: 3 },
        { date: 'garbage', score: 1, grade: 'F', entities: 1 },
      ]),
    ).toEqual([{ time: Date.UTC(2025, 10, 28, 12), score: 82, grade: 'B' }]);
  });
});

describe('formatAge', () => {
  it('says how long ago', () => {
    const now = Date.UTC(2025, 10, 28, 12);
    expect(formatAge(now - 20_000, now)).toBe('just now');
    expect(formatAge(now - 5 * 60_000, now)).toBe('5 minutes ago');
    expect(formatAge(now - 3 * 3_600_000, now)).toBe('3 hours ago');
    expect(formatAge(now - DAY, now)).toBe('yesterday');
  });
});
