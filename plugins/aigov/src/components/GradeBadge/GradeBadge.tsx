import type { AigovGrade } from '@aigov/backstage-plugin-common';
import { gradeColor } from '../presentation';

export interface GradeBadgeProps {
  grade: AigovGrade;
  /** 0–100; said to screen readers and shown in the tooltip. */
  score?: number;
  size?: 'small' | 'large';
}

/** The letter grade in its colour: A and B green, C and D amber, F red. */
export function GradeBadge({ grade, score, size = 'small' }: GradeBadgeProps) {
  const { fg, bg } = gradeColor(grade);
  const px = size === 'large' ? 56 : 28;
  const label = score === undefined ? `Grade ${grade}` : `Grade ${grade}, score ${score} of 100`;
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        flex: 'none',
        width: px,
        height: px,
        borderRadius: size === 'large' ? 12 : 6,
        border: `2px solid ${fg}`,
        background: bg,
        color: fg,
        fontWeight: 700,
        fontSize: size === 'large' ? 30 : 15,
        lineHeight: 1,
      }}
    >
      {grade}
    </span>
  );
}
