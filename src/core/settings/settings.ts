import { eq } from 'drizzle-orm';
import { settings as settingsTable } from '../db/schema';
import { settingsSchema, type Settings } from '../../contract/calls/settings';
import type { CoreApp } from '../app';
import { SETTING_DEFAULTS } from './defaults';

const KEY = 'bureau';

/** The bureau's settings: stored values over defaults, always validated by the contract's schema. */
export function getSettings(app: CoreApp): Settings {
  const row = app.db.select().from(settingsTable).where(eq(settingsTable.key, KEY)).get();
  const stored = row ? (JSON.parse(row.value) as Partial<Settings>) : {};
  const merged = { ...SETTING_DEFAULTS, ...stored };
  const parsed = settingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : SETTING_DEFAULTS;
}

export function updateSettings(app: CoreApp, patch: Partial<Settings>): Settings {
  const next = settingsSchema.parse({ ...getSettings(app), ...patch });
  app.db
    .insert(settingsTable)
    .values({ key: KEY, value: JSON.stringify(next) })
    .onConflictDoUpdate({ target: settingsTable.key, set: { value: JSON.stringify(next) } })
    .run();
  return next;
}

/** Small internal values that are not user settings (e.g. the audit chain head). */
export function getInternal(app: CoreApp, key: string): string | null {
  const row = app.db.select().from(settingsTable).where(eq(settingsTable.key, key)).get();
  return row?.value ?? null;
}

export function setInternal(app: CoreApp, key: string, value: string): void {
  app.db.insert(settingsTable).values({ key, value }).onConflictDoUpdate({ target: settingsTable.key, set: { value } }).run();
}
