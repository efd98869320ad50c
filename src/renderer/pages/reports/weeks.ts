/** ISO weeks for the week picker ('2025-W10'); the core works out the exact dates from the settings. */
export function isoWeekOf(d: Date): string {
  const t = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  const dow = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dow);
  const year = t.getUTCFullYear();
  const num = Math.floor((t.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7) + 1;
  return `${year}-W${String(num).padStart(2, '0')}`;
}

/** The last `n` weeks, newest first, starting from the week before the current one. */
export function recentWeeks(now: Date, n: number): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  for (let i = 0; i <= n; i++) {
    const d = new Date(now.getTime() - i * 7 * 86_400_000);
    const w = isoWeekOf(d);
    out.push({ value: w, label: `${w.slice(0, 4)}年第${Number(w.slice(6))}周${i === 0 ? '（本周）' : ''}` });
  }
  return out;
}
