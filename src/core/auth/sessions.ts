/**
 * Who is logged in on which host connection. The key is the host's: a browser-mode session cookie
 * or an Electron window. Kept in memory on purpose: restarting the app logs everyone out.
 */
export type SessionEntry = { userId: number; lastSeen: number; locked: boolean };

export class SessionStore {
  private entries = new Map<string, SessionEntry>();
  constructor(private readonly now: () => Date) {}

  bind(key: string, userId: number): void {
    this.entries.set(key, { userId, lastSeen: this.now().getTime(), locked: false });
  }

  clear(key: string): void {
    this.entries.delete(key);
  }

  clearUser(userId: number): void {
    for (const [k, v] of this.entries) if (v.userId === userId) this.entries.delete(k);
  }

  /** Looks a session up; once idle longer than `idleMinutes` it locks until the password is entered again. */
  peek(key: string, idleMinutes: number): SessionEntry | null {
    const e = this.entries.get(key);
    if (!e) return null;
    if (!e.locked && this.now().getTime() - e.lastSeen > idleMinutes * 60_000) e.locked = true;
    return e;
  }

  touch(key: string): void {
    const e = this.entries.get(key);
    if (e && !e.locked) e.lastSeen = this.now().getTime();
  }

  unlock(key: string): void {
    const e = this.entries.get(key);
    if (e) {
      e.locked = false;
      e.lastSeen = this.now().getTime();
    }
  }
}
