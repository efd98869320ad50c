import { afterEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../../test/support/core';
import { builtinHolidays } from './holidayData';
import { dayPeriod, monthPeriod, MISSING_YEAR_WARNING, type HolidayCalendar } from './period';
import { loadCalendar, listYear } from './calendar';

/** The built-in 2025–2026 data with either 调休 policy. */
function builtin(makeUpCounts: boolean): HolidayCalendar {
  const offDays = new Map<string, string>();
  const makeUpDays = new Map<string, string>();
  for (const e of builtinHolidays()) (e.isOffDay ? offDays : makeUpDays).set(e.date, e.name);
  return { offDays, makeUpDays, years: new Set([2025, 2026]), makeUpCounts };
}

describe('domain brief §7.4 worked examples (民诉法85, 民法典202–203)', () => {
  const cal = builtin(true);
  it.each([
    ['2025-09-23', 15, '2025-10-08', '2025-10-09'],
    ['2026-02-10', 10, '2026-02-20', '2026-02-24'],
    ['2025-04-26', 7, '2025-05-03', '2025-05-06'],
    ['2025-01-20', 10, '2025-01-30', '2025-02-05'],
    ['2026-09-18', 7, '2026-09-25', '2026-09-28'],
  ])('served %s, %i days → nominal %s → %s', (start, days, nominal, due) => {
    const r = dayPeriod(cal, start, days);
    expect(r).toEqual({ nominal, due, rolled: true });
  });

  it('the 调休 policy decides a period ending on a holiday followed by a make-up Sunday', () => {
    expect(dayPeriod(builtin(true), '2025-12-22', 10).due).toBe('2026-01-04');
    expect(dayPeriod(builtin(false), '2025-12-22', 10).due).toBe('2026-01-05');
  });

  it('a period ending on a make-up Sunday is not extended by default', () => {
    expect(dayPeriod(builtin(true), '2025-09-25', 3)).toEqual({ nominal: '2025-09-28', due: '2025-09-28', rolled: false });
    expect(dayPeriod(builtin(false), '2025-09-25', 3).due).toBe('2025-09-29');
  });

  it('month periods end on the corresponding day or the month end (民法典202)', () => {
    expect(monthPeriod(cal, '2025-08-31', 6)).toEqual({ nominal: '2026-02-28', due: '2026-02-28', rolled: false });
    expect(monthPeriod(builtin(false), '2025-08-31', 6).due).toBe('2026-03-02');
    expect(monthPeriod(cal, '2025-03-31', 6).due).toBe('2025-09-30');
  });

  it('matches the official 2025 and 2026 notices (§7.2–7.3)', () => {
    expect(cal.offDays.has('2025-01-28') && cal.offDays.has('2025-02-04') && cal.offDays.has('2026-02-23')).toBe(true);
    expect([...cal.makeUpDays.keys()].filter((d) => d.startsWith('2025'))).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    expect([...cal.makeUpDays.keys()].filter((d) => d.startsWith('2026'))).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  it('warns when a period ends in a year without holiday data', () => {
    expect(dayPeriod(cal, '2026-12-20', 20)).toMatchObject({ due: '2027-01-11', warning: MISSING_YEAR_WARNING });
    expect(dayPeriod(cal, '2026-12-01', 10).warning).toBeUndefined();
  });
});

describe('holiday table administration', () => {
  let t: TestCore;
  afterEach(() => t.cleanup());
  const NOTICE_2027 = JSON.stringify({
    year: 2027,
    days: [
      { name: '元旦', date: '2027-01-01', isOffDay: true },
      { name: '元旦', date: '2027-01-02', isOffDay: true },
      { name: '元旦', date: '2027-01-03', isOffDay: true },
      { name: '春节', date: '2027-02-06', isOffDay: true },
      { name: '春节', date: '2027-02-07', isOffDay: false },
    ],
  });

  it('an admin imports a later year; periods then roll over it and the warning goes away', async () => {
    t = testCore({ now: '2026-11-23T02:00:00Z' });
    const admin = t.as('admin');
    expect(dayPeriod(loadCalendar(t.app), '2026-12-22', 10).warning).toBe(MISSING_YEAR_WARNING);
    const before = await admin.run('calendar.holidays.year', { year: 2027 });
    expect(before).toMatchObject({ covered: false, entries: [] });
    await admin.run('calendar.holidays.importYear', { year: 2027, text: NOTICE_2027, source: 'gov.cn 2027 放假通知' });
    const cal = loadCalendar(t.app);
    // 2027-01-01 (Fri) is off, 01-02/03 weekend → Monday 01-04.
    expect(dayPeriod(cal, '2026-12-22', 10)).toEqual({ nominal: '2027-01-01', due: '2027-01-04', rolled: true });
    const after = await admin.run('calendar.holidays.year', { year: 2027 });
    expect(after.covered).toBe(true);
    expect(after.entries.map((e) => [e.date, e.isOffDay, e.source])).toContainEqual(['2027-02-07', false, 'gov.cn 2027 放假通知']);
    // Importing again replaces the year rather than adding twice.
    await admin.run('calendar.holidays.importYear', { year: 2027, text: 'date,name,isOffDay\n2027-01-01,元旦,是\n', source: '更正' });
    expect(listYear(t.app, 2027)).toHaveLength(1);
  });

  it('CSV import with a bad line writes nothing and names the line', async () => {
    t = testCore({ now: '2026-11-23T02:00:00Z' });
    const admin = t.as('admin');
    const r = await admin.call('calendar.holidays.importYear', { year: 2027, text: '日期,名称,是否放假\n2027-01-01,元旦,是\n2027-02-30,春节,是\n', source: 'gov.cn' });
    expect(r.ok === false && r.error.message).toMatch(/「日期」第 3 行：2027-02-30 不是有效日期/);
    const wrongYear = await admin.call('calendar.holidays.importYear', { year: 2027, text: 'date,name,isOffDay\n2028-01-01,元旦,1\n', source: 'gov.cn' });
    expect(wrongYear.ok === false && wrongYear.error.message).toMatch(/不属于 2027 年/);
    expect(t.app.sqlite.prepare('SELECT count(*) AS n FROM holidays').get()).toEqual({ n: 0 });
  });

  it('a single-day override wins over the built-in data; only admins may edit', async () => {
    t = testCore({ now: '2026-11-23T02:00:00Z' });
    const admin = t.as('admin');
    const staff = t.as('staff');
    const refused = await staff.call('calendar.holidays.save', { date: '2026-10-09', name: '国庆（本地调整）', isOffDay: true, source: '院通知' });
    expect(refused.ok).toBe(false);
    // 2026-10-08 (Thu) + 1 day → 10-09 (Fri), normally a working day.
    expect(dayPeriod(loadCalendar(t.app), '2026-10-08', 1).due).toBe('2026-10-09');
    await admin.run('calendar.holidays.save', { date: '2026-10-09', name: '国庆（更正）', isOffDay: true, source: '更正通知' });
    expect(dayPeriod(loadCalendar(t.app), '2026-10-08', 1).due).toBe('2026-10-10'); // 10-10 is a make-up Saturday
    await admin.run('settings.update', { makeUpDayCounts: false });
    expect(dayPeriod(loadCalendar(t.app), '2026-10-08', 1).due).toBe('2026-10-12');
    await admin.run('calendar.holidays.delete', { date: '2026-10-09' });
    expect(listYear(t.app, 2026).find((e) => e.date === '2026-10-09')).toBeUndefined();
  });
});
