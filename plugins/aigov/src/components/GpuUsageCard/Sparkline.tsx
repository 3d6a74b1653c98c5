import type { Series } from '../../lib/gpu/series';
import { summarize } from '../../lib/gpu/series';

export interface SparklineProps {
  series: Series;
  /** What the series measures, for screen readers: `GPU utilisation`. */
  label: string;
  /** Formats a value: `37%`, `12.3 GiB`. */
  format: (value: number) => string;
  /** Fixed vertical range (utilisation is 0–100); otherwise 0 to the series' maximum. */
  max?: number;
  /** Drawn dashed and named as demo data. */
  demo?: boolean;
  color?: string;
  width?: number;
  height?: number;
}

/** A small line chart of one series with its current value. */
export function Sparkline({
  series,
  label,
  format,
  max,
  demo = false,
  color = 'var(--bui-fg-info, #1565c0)',
  width = 120,
  height = 28,
}: SparklineProps) {
  const summary = summarize(series);
  const pts = series.points;
  const first = pts[0];
  const last = pts[pts.length - 1];
  if (!summary || !first || !last) return <span>no data</span>;
  const t0 = first.t;
  const t1 = last.t;
  const top = max ?? Math.max(summary.max, 1);
  const x = (t: number) => (t1 === t0 ? width : ((t - t0) / (t1 - t0)) * width);
  const y = (v: number) => height - 2 - (Math.min(Math.max(v, 0), top) / top) * (height - 4);
  const d = pts.map((p) => `${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
  const description = `${label}${demo ? ' (demo data)' : ''}: now ${format(summary.current)}, peak ${format(summary.max)}, average ${format(summary.mean)}`;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={description}
        viewBox={`0 0 ${width} ${height}`}
      >
        <title>{description}</title>
        <polyline
          points={pts.length === 1 ? `0,${y(first.v)} ${width},${y(first.v)}` : d}
          fill="none"
          stroke={color}
          strokeWidth={1.5}
          strokeDasharray={demo ? '4 2' : undefined}
        />
      </svg>
      {/* The tag goes under the value, so that a half-width card keeps its columns. */}
      <span style={{ display: 'inline-flex', flexDirection: 'column', minWidth: 56 }}>
        <span style={{ fontVariantNumeric: 'tabular-nums' }}>{format(summary.current)}</span>
        {demo && (
          <span
            style={{ fontSize: '0.7rem', fontWeight: 600, color: 'var(--bui-fg-secondary, #666)' }}
          >
            DEMO
          </span>
        )}
      </span>
    </span>
  );
}
