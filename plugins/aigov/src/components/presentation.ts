import type { AigovGrade, AigovSeverity } from '@aigov/backstage-plugin-common';

/**
 * Colours from Backstage UI's theme variables (with fallbacks for apps that do not load its
 * stylesheet), so the plugin follows the app's light and dark themes.
 */
export const SEVERITY_COLOR: Record<AigovSeverity, string> = {
  error: 'var(--bui-fg-danger, #c62828)',
  warning: 'var(--bui-fg-warning, #b26a00)',
  info: 'var(--bui-fg-info, #1565c0)',
};

export const SEVERITY_BG: Record<AigovSeverity, string> = {
  error: 'var(--bui-bg-danger, #fdecea)',
  warning: 'var(--bui-bg-warning, #fff4e5)',
  info: 'var(--bui-bg-info, #e8f4fd)',
};

export const SEVERITY_LABEL: Record<AigovSeverity, string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Info',
};

export function gradeColor(grade: AigovGrade): { fg: string; bg: string } {
  switch (grade) {
    case 'A':
    case 'B':
      return { fg: 'var(--bui-fg-success, #2e7d32)', bg: 'var(--bui-bg-success, #edf7ed)' };
    case 'C':
    case 'D':
      return { fg: 'var(--bui-fg-warning, #b26a00)', bg: 'var(--bui-bg-warning, #fff4e5)' };
    default:
      return { fg: 'var(--bui-fg-danger, #c62828)', bg: 'var(--bui-bg-danger, #fdecea)' };
  }
}

export const MUTED_BG = 'var(--bui-bg-neutral-2, #eeeeee)';
export const BORDER = 'var(--bui-border-1, #e0e0e0)';

/** `1 scan`, `3 scans`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `1 error`, `2 warnings`, `3 info`. */
export function severityCount(n: number, severity: AigovSeverity): string {
  return severity === 'info' ? `${n} info` : plural(n, severity);
}

/** The head cells and body cells of the plugin's tables. */
export const TABLE_HEAD = { padding: '4px 8px', textAlign: 'left', fontWeight: 600 } as const;
export const TABLE_CELL = { padding: '6px 8px', borderTop: `1px solid ${BORDER}` } as const;
