import { randomBytes } from 'node:crypto';

/**
 * The browser-mode session ids this server issued, each with its CSRF token (issue 12 §3, §13).
 * An id is only ever made here: a cookie naming an id not in this table (planted by another site or
 * program, or left from before a restart) is not adopted — the request gets a fresh id. Login swaps
 * the id for a new one (issued before the call, `drop` of the old one after it), so an id seen or planted before login is worth nothing after it.
 * Bounded: ids unused for `idleMs` expire, and beyond `max` the least recently used goes first (a
 * flood of cookie-less requests cannot grow the table without end); `onDrop` lets the host forget
 * the session bound to a dropped id.
 */
export type IssuedId = { sid: string; csrf: string };

export class SessionIds {
  private ids = new Map<string, { csrf: string; seen: number }>();
  constructor(
    private readonly opts: { max?: number; idleMs?: number; now?: () => number; onDrop?: (sid: string) => void } = {},
  ) {}

  private get now() {
    return this.opts.now?.() ?? Date.now();
  }

  /** The entry for an id this server issued and that has not expired; refreshes its use. */
  known(sid: string | undefined): IssuedId | null {
    if (!sid) return null;
    const e = this.ids.get(sid);
    if (!e) return null;
    this.ids.delete(sid);
    if (this.now - e.seen > (this.opts.idleMs ?? 24 * 3_600_000)) {
      this.opts.onDrop?.(sid);
      return null;
    }
    e.seen = this.now;
    this.ids.set(sid, e);
    return { sid, csrf: e.csrf };
  }

  issue(): IssuedId {
    const id = { sid: randomBytes(32).toString('base64url'), csrf: randomBytes(24).toString('base64url') };
    this.ids.set(id.sid, { csrf: id.csrf, seen: this.now });
    while (this.ids.size > (this.opts.max ?? 10_000)) {
      const oldest = this.ids.keys().next().value!;
      this.ids.delete(oldest);
      this.opts.onDrop?.(oldest);
    }
    return id;
  }

  /** Forgets an id (replaced at login, or never used because the login failed). */
  drop(sid: string): void {
    if (this.ids.delete(sid)) this.opts.onDrop?.(sid);
  }

  get size(): number {
    return this.ids.size;
  }
}
