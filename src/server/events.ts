import type { ServerResponse } from 'node:http';
import type { CoreApp } from '../core/app';
import { latestNoticeId, noticesSince } from '../core/notifications/feed';
import { getSettings } from '../core/settings/settings';

/**
 * Server-sent events (GET /api/events): a signed-in page keeps one stream open and is told when it
 * has new notices, so an approval request reaches the chief's screen, and the decision the
 * handler's, without a reload. The stream carries no data beyond "look again": the page refetches
 * through the contract, where roles are checked as for any call.
 *
 * After every state-changing call the hub asks the core which users got notices (`poke`); a slow
 * timer also catches changes made outside this server (the CLI).
 */
export class EventHub {
  private streams = new Set<{ sid: string; userId: number; res: ServerResponse }>();
  private lastId: number;
  private timer: NodeJS.Timeout;
  private heartbeat: NodeJS.Timeout;
  private pending = false;

  constructor(private readonly app: CoreApp) {
    this.lastId = latestNoticeId(app);
    this.timer = setInterval(() => this.poke(), 5_000);
    // A comment line keeps proxies and idle-timeouts from closing a quiet stream.
    this.heartbeat = setInterval(() => this.each((s) => s.res.write(': \n\n')), 25_000);
    this.timer.unref();
    this.heartbeat.unref();
  }

  /** Opens a stream for a signed-in session; false when the session has no user (the caller answers 401). */
  open(sid: string, res: ServerResponse): boolean {
    const entry = this.app.sessions.peek(sid, getSettings(this.app).idleLockMinutes);
    if (!entry) return false;
    // At most a few streams per session (tabs); the oldest gives way, so a page cannot pile them up.
    const mine = [...this.streams].filter((s) => s.sid === sid);
    for (const s of mine.slice(0, Math.max(0, mine.length - 3))) this.end(s);
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.write('retry: 3000\n\n');
    const s = { sid, userId: entry.userId, res };
    this.streams.add(s);
    res.on('close', () => this.streams.delete(s));
    return true;
  }

  /** Looks for new notices now (coalesced: many calls in one tick make one query). */
  poke(): void {
    if (this.pending || this.streams.size === 0) return;
    this.pending = true;
    setImmediate(() => {
      this.pending = false;
      const { lastId, userIds } = noticesSince(this.app, this.lastId);
      this.lastId = lastId;
      if (userIds.length === 0) return;
      const who = new Set(userIds);
      this.each((s) => {
        // A stream outlives neither its session nor a change of user on it (logout, another login).
        const entry = this.app.sessions.peek(s.sid, getSettings(this.app).idleLockMinutes);
        if (!entry || entry.userId !== s.userId) return this.end(s);
        if (who.has(s.userId)) s.res.write(`event: notifications\ndata: ${lastId}\n\n`);
      });
    });
  }

  close(): void {
    clearInterval(this.timer);
    clearInterval(this.heartbeat);
    this.each((s) => this.end(s));
  }

  private each(fn: (s: { sid: string; userId: number; res: ServerResponse }) => void): void {
    for (const s of [...this.streams]) fn(s);
  }

  private end(s: { res: ServerResponse }): void {
    this.streams.forEach((x) => x.res === s.res && this.streams.delete(x));
    s.res.end();
  }
}
