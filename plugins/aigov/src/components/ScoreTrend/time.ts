/** `28 Nov 2025, 12:00` in the user's locale. */
export function formatDateTime(time: number | string): string {
  return new Date(time).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** `28 Nov 2025` in the user's locale. */
export function formatDate(time: number | string): string {
  return new Date(time).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** `5 minutes ago`, `yesterday`, `just now`. */
export function formatAge(time: number | string, now: number = Date.now()): string {
  const ms = new Date(time).getTime() - now;
  if (Math.abs(ms) < 60_000) return 'just now';
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of UNITS)
    if (Math.abs(ms) >= size || unit === 'minute')
      return format.format(Math.round(ms / size), unit);
  return format.format(Math.round(ms / 60_000), 'minute');
}
