/** Legal dates are China time (UTC+8, no DST); instants are ISO UTC. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Monday of the China-time week containing `at`, as YYYY-MM-DD. */
export function weekStart(at: Date): string {
  const d = new Date(chinaDate(at) + 'T00:00:00Z');
  const dow = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - dow);
  return d.toISOString().slice(0, 10);
}

/** The UTC instant at which a China-time date begins. */
export function chinaDayStartUtc(date: string): string {
  return new Date(Date.parse(date + 'T00:00:00Z') - 8 * 3600_000).toISOString();
}

/** Whole days between two legal dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b + 'T00:00:00Z') - Date.parse(a + 'T00:00:00Z')) / 86_400_000);
}

/** 2026-11-23 → 2026年11月23日 (the form documents use). */
export function cnDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}
