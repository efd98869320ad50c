/**
 * Who is logged in on which host connection. The key is the host's: a browser-mode session cookie
 * or an Electron window. Kept in memory on purpose: restarting the app logs everyone out.
 * Bounded (issue 12 §13): a session unused for a day is forgotten, and beyond MAX_SESSIONS the
 * least recently used one goes first — a flood of logins cannot grow the map without end.
 */
export type SessionEntry = { userId: number; lastSeen: number; locked: boolean };

export const MAX_SESSIONS = 10_000;
export const SESSION_EXPIRY_MS = 24 * 3_600_000;

export class SessionStore {
  private entries = new Map<string, SessionEntry>();
  constructor(private readonly now: () => Date) {}

  bind(key: string, userId: number): void {
    this.entries.delete(key);
    this.entries.set(key, { userId, lastSeen: this.now().getTime(), locked: false });
    while (this.entries.size > MAX_SESSIONS) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(key: string): void {
    this.entries.delete(key);
  }

  /** Ends every session of a user (disabled, password changed or reset), but `exceptKey`'s. */
  clearUser(userId: number, exceptKey?: string): void {
    for (const [k, v] of this.entries) if (v.userId === userId && k !== exceptKey) this.entries.delete(k);
  }

  /** Looks a session up; once idle longer than `idleMinutes` it locks until the password is entered again. */
  peek(key: string, idleMinutes: number): SessionEntry | null {
    const e = this.entries.get(key);
    if (!e) return null;
    const idle = this.now().getTime() - e.lastSeen;
    if (idle > SESSION_EXPIRY_MS) {
      this.entries.delete(key);
      return null;
    }
    if (!e.locked && idle > idleMinutes * 60_000) e.locked = true;
    return e;
  }

  touch(key: string): void {
    const e = this.entries.get(key);
    if (e && !e.locked) {
      e.lastSeen = this.now().getTime();
      // Most recently used last: Map order is the eviction order.
      this.entries.delete(key);
      this.entries.set(key, e);
    }
  }

  unlock(key: string): void {
    const e = this.entries.get(key);
    if (e) {
      e.locked = false;
      e.lastSeen = this.now().getTime();
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
