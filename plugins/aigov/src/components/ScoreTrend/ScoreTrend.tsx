import type {
  AigovGrade,
  AigovHistoryPoint,
  AigovTeamHistoryPoint,
} from '@aigov/backstage-plugin-common';
import { Text } from '@backstage/ui';
import { gradeColor, plural } from '../presentation';
import { formatDate, formatDateTime } from './time';

/** One point of a score history. */
export interface TrendPoint {
  /** ms since the epoch */
  time: number;
  /** 0–100 */
  score: number;
  grade?: AigovGrade;
}

export interface ScoreTrendProps {
  /** Oldest first. */
  points: readonly TrendPoint[];
  /** Whose trend, for screen readers and tooltips: `Chat assistant`. */
  subject: string;
  /** `sparkline`: small, for a table cell, with the change; `chart`: axes and a dot per point. */
  variant?: 'sparkline' | 'chart';
  /** What a point is: a scan (with its time) or a day (team history). */
  unit?: 'scan' | 'day';
}

/** An entity's scans as trend points (those with a readable time). */
export function scanTrend(items: readonly AigovHistoryPoint[]): TrendPoint[] {
  return items.flatMap((p) => {
    const time = Date.parse(p.time);
    return Number.isFinite(time) ? [{ time, score: p.score, grade: p.grade }] : [];
  });
}

/** A team's days (`YYYY-MM-DD`, UTC) as trend points, at noon so no time zone shifts the day. */
export function dailyTrend(items: readonly AigovTeamHistoryPoint[]): TrendPoint[] {
  return items.flatMap((p) => {
    const time = Date.parse(`${p.date}T12:00:00Z`);
    return Number.isFinite(time) ? [{ time, score: p.score, grade: p.grade }] : [];
  });
}

const LINE = 'var(--bui-fg-info, #1565c0)';
const GRID = 'var(--bui-border-1, #e0e0e0)';
const MUTED = 'var(--bui-fg-secondary, #666)';

/** `Score trend of Chat assistant: 5 scans from 24 Nov 2025 to 28 Nov 2025, 61 to 74`. */
export function describeTrend(
  points: readonly TrendPoint[],
  subject: string,
  unit: 'scan' | 'day' = 'scan',
): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return `No score history of ${subject}`;
  const when = unit === 'scan' ? formatDateTime : formatDate;
  if (points.length === 1)
    return `Score trend of ${subject}: 1 ${unit}, ${when(first.time)}, score ${first.score}`;
  return `Score trend of ${subject}: ${plural(points.length, unit)} from ${when(first.time)} to ${when(last.time)}, ${first.score} to ${last.score}`;
}

/** The change from the first point to the last: `+13`, `−7`, `±0`. */
function Change({ from, to }: { from: number; to: number }) {
  const delta = to - from;
  const color =
    delta > 0
      ? 'var(--bui-fg-success, #2e7d32)'
      : delta < 0
        ? 'var(--bui-fg-danger, #c62828)'
        : MUTED;
  return (
    <span
      aria-hidden
      style={{ color, fontSize: '0.75rem', fontVariantNumeric: 'tabular-nums', minWidth: 28 }}
    >
      {delta > 0 ? `+${delta}` : delta < 0 ? `−${-delta}` : '±0'}
    </span>
  );
}

function Sparkline({ points, label }: { points: readonly TrendPoint[]; label: string }) {
  const width = 96;
  const height = 24;
  const scores = points.map((p) => p.score);
  const lo = Math.max(0, Math.min(...scores) - 5);
  const hi = Math.min(100, Math.max(...scores) + 5);
  const t0 = points[0]?.time ?? 0;
  const t1 = points[points.length - 1]?.time ?? 0;
  const x = (t: number) => (t1 === t0 ? width - 3 : 3 + ((t - t0) / (t1 - t0)) * (width - 6));
  const y = (v: number) => height - 3 - ((v - lo) / Math.max(hi - lo, 1)) * (height - 6);
  const last = points[points.length - 1];
  const first = points[0];
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      <svg
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={label}
        data-points={points.length}
      >
        <title>{label}</title>
        {points.length > 1 ? (
          <polyline
            points={points.map((p) => `${x(p.time).toFixed(1)},${y(p.score).toFixed(1)}`).join(' ')}
            fill="none"
            stroke={LINE}
            strokeWidth={1.5}
          />
        ) : (
          first && (
            <line x1={3} x2={width - 3} y1={y(first.score)} y2={y(first.score)} stroke={GRID} />
          )
        )}
        {last && (
          <circle
            cx={x(last.time)}
            cy={y(last.score)}
            r={2.5}
            fill={last.grade ? gradeColor(last.grade).fg : LINE}
          />
        )}
      </svg>
      {first && last && <Change from={first.score} to={last.score} />}
    </span>
  );
}

function Chart({
  points,
  label,
  unit,
}: {
  points: readonly TrendPoint[];
  label: string;
  unit: 'scan' | 'day';
}) {
  const width = 640;
  const height = 160;
  const left = 32;
  const right = 12;
  const top = 8;
  const bottom = 22;
  const t0 = points[0]?.time ?? 0;
  const t1 = points[points.length - 1]?.time ?? 0;
  const x = (t: number) =>
    t1 === t0 ? width - right : left + ((t - t0) / (t1 - t0)) * (width - left - right);
  const y = (v: number) => top + (1 - v / 100) * (height - top - bottom);
  const when = unit === 'scan' ? formatDateTime : formatDate;
  const first = points[0];
  const last = points[points.length - 1];
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width, display: 'block' }}
      role="img"
      aria-label={label}
      data-points={points.length}
    >
      <title>{label}</title>
      {[0, 50, 100].map((v) => (
        <g key={v}>
          <line x1={left} x2={width - right} y1={y(v)} y2={y(v)} stroke={GRID} />
          <text x={left - 6} y={y(v) + 4} textAnchor="end" fontSize={11} fill={MUTED}>
            {v}
          </text>
        </g>
      ))}
      {points.length > 1 && (
        <polyline
          points={points.map((p) => `${x(p.time).toFixed(1)},${y(p.score).toFixed(1)}`).join(' ')}
          fill="none"
          stroke={LINE}
          strokeWidth={2}
        />
      )}
      {points.map((p) => (
        <circle
          key={p.time}
          cx={x(p.time)}
          cy={y(p.score)}
          r={points.length > 60 ? 1.5 : 3.5}
          fill={p.grade ? gradeColor(p.grade).fg : LINE}
        >
          <title>{`${when(p.time)}: ${p.score}${p.grade ? ` (${p.grade})` : ''}`}</title>
        </circle>
      ))}
      {first && (
        <text x={left} y={height - 6} fontSize={11} fill={MUTED}>
          {when(first.time)}
        </text>
      )}
      {last && points.length > 1 && (
        <text x={width - right} y={height - 6} fontSize={11} fill={MUTED} textAnchor="end">
          {when(last.time)}
        </text>
      )}
    </svg>
  );
}

/**
 * A score history as a line: a sparkline with the change since the first point, or a chart
 * with a 0–100 axis and a dot per point in its grade's colour. Screen readers get the number
 * of points, the range and the first and last scores.
 */
export function ScoreTrend({
  points,
  subject,
  variant = 'sparkline',
  unit = 'scan',
}: ScoreTrendProps) {
  if (points.length === 0)
    return (
      <Text variant="body-x-small" color="secondary">
        no history
      </Text>
    );
  const label = describeTrend(points, subject, unit);
  return variant === 'chart' ? (
    <Chart points={points} label={label} unit={unit} />
  ) : (
    <Sparkline points={points} label={label} />
  );
}
