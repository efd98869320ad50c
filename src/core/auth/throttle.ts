/**
 * Per-client login throttling (issue 12 §4). The account lockout (users.ts, 5 wrong passwords) stops
 * guessing one account; this stops one client spraying guesses over many names. A client is what the
 * host can tell apart: the remote address in browser/bureau mode, the window in Electron.
 * Rule (local setting in spirit): 10 failures in 15 minutes are free; after that each attempt waits
 * 2, 4, 8 … up to 60 seconds after the last failure. Kept in memory, bounded: the oldest clients are
 * forgotten first.
 */
export const FREE_FAILURES = 10;
const WINDOW_MS = 15 * 60_000;
const MAX_WAIT_MS = 60_000;
const MAX_CLIENTS = 10_000;

export class LoginThrottle {
  private failures = new Map<string, number[]>();
  constructor(private readonly now: () => Date) {}

  private recent(client: string): number[] {
    const t = this.now().getTime();
    const list = (this.failures.get(client) ?? []).filter((at) => t - at < WINDOW_MS);
    if (list.length) this.failures.set(client, list);
    else this.failures.delete(client);
    return list;
  }

  /** Seconds this client must still wait before its next attempt is checked (0: go ahead). */
  waitSeconds(client: string): number {
    const list = this.recent(client);
    if (list.length < FREE_FAILURES) return 0;
    const wait = Math.min(MAX_WAIT_MS, 1000 * 2 ** (list.length - FREE_FAILURES + 1));
    const left = list[list.length - 1]! + wait - this.now().getTime();
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  fail(client: string): void {
    const list = this.recent(client);
    list.push(this.now().getTime());
    this.failures.delete(client); // re-insert: Map order is the eviction order
    this.failures.set(client, list.slice(-64));
    while (this.failures.size > MAX_CLIENTS) this.failures.delete(this.failures.keys().next().value!);
  }
}
