/** Per-host and global request slots. Hosts progress in parallel; one host never gets more than its limit. */

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/**
 * Most time one host may keep its requests waiting over a run, in units of the Retry-After cap: every wait it
 * asks for counts (Retry-After on any status, 429 pauses, announced quota resets), overlapping waits once.
 */
export const HOST_WAIT_RUN_FACTOR = 4;

/** A host's announced request quota (RateLimit-* / X-RateLimit-* headers), as parsed from one answer. */
export interface Quota {
  remaining: number;
  /** Until the quota is restored, ms from when the answer came; null when not said. */
  resetMs: number | null;
  limit: number | null;
}

/** What we may still send a host inside its announced quota, and when that window ends. */
interface Budget {
  left: number;
  resetAt: number;
  limit: number | null;
  windowMs: number;
}

class HostGate {
  /** Slots taken, including ones handed to a waiter that has not resumed yet. */
  inflight = 0;
  limit: number;
  /** After a 429: the most requests in flight the host seemed to accept. Growth stops there. */
  ceiling: number;
  pausedUntil = 0;
  successes = 0;
  /** Links still to finish that start on this host: the global queue serves the busiest host first. */
  backlog = 0;
  /** Requests sent and not answered yet: an announced `remaining` may not count them. */
  onWire = 0;
  budget: Budget | null = null;
  /** Time this host has kept its requests waiting (every wait it asked for), overlapping waits counted once, and up to when. */
  waitedMs = 0;
  waitCountedUntil = 0;
  readonly waiters: Array<() => void> = [];
  constructor(readonly max: number) {
    this.limit = max;
    this.ceiling = max;
  }
}

interface GlobalWaiter {
  gate: HostGate;
  wake: () => void;
}

export class Limits {
  private readonly hosts = new Map<string, HostGate>();
  private globalInflight = 0;
  private readonly globalWaiters: GlobalWaiter[] = [];
  /** Highest number of requests seen in flight to each host (for tests and the benchmark). */
  readonly peakPerHost = new Map<string, number>();

  /** `waitCapMs`: the longest wait a host may ask for (retryAfterCapMs); HOST_WAIT_RUN_FACTOR of it is each host's budget for the run. */
  constructor(
    private readonly concurrency: number,
    private readonly perHost: number,
    private readonly waitCapMs: number,
  ) {}

  private gate(host: string): HostGate {
    let g = this.hosts.get(host);
    if (!g) {
      g = new HostGate(this.perHost);
      this.hosts.set(host, g);
    }
    return g;
  }

  addBacklog(host: string, n: number): void {
    this.gate(host).backlog += n;
  }

  done(host: string): void {
    this.gate(host).backlog--;
  }

  /**
   * Wait for a slot on `host` (and the end of any pause it asked for), then a global slot. Returns the release, or
   * null without taking anything when the host's announced quota would keep us waiting past the cap or its budget.
   */
  async acquire(host: string): Promise<(() => void) | null> {
    const g = this.gate(host);
    if (g.inflight < g.limit && g.waiters.length === 0) g.inflight++;
    else await new Promise<void>((resolve) => g.waiters.push(resolve)); // the releaser hands its slot over
    this.peakPerHost.set(host, Math.max(this.peakPerHost.get(host) ?? 0, g.inflight));
    for (;;) {
      // A host that said "slow down" keeps its slots idle until the pause ends; other hosts go on.
      while (Date.now() < g.pausedUntil) await sleep(g.pausedUntil - Date.now());
      // Inside an announced quota: once it is spent, wait for its reset (if not too long).
      for (let wait = this.quotaWaitMs(host); wait > 0; wait = this.quotaWaitMs(host)) {
        if (!this.mayWait(host, wait)) {
          this.releaseHost(g);
          return null;
        }
        await sleep(wait);
      }
      if (this.globalInflight < this.concurrency && this.globalWaiters.length === 0) this.globalInflight++;
      else await new Promise<void>((resolve) => this.globalWaiters.push({gate: g, wake: resolve}));
      // While this waited for a global slot, another request may have spent the last of the quota.
      if (this.quotaWaitMs(host) === 0 && Date.now() >= g.pausedUntil) break;
      this.releaseGlobal();
    }
    if (g.budget) g.budget.left--;
    g.onWire++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      g.onWire--;
      this.releaseGlobal();
      this.releaseHost(g);
    };
  }

  /**
   * How long the host's announced quota keeps us from sending it another request (0: send now). Past the reset,
   * a known limit is the new window's budget; with no limit said, we know nothing more and stop pacing.
   */
  quotaWaitMs(host: string): number {
    const g = this.gate(host);
    const b = g.budget;
    if (!b || b.left > 0) return 0;
    const now = Date.now();
    if (now < b.resetAt) return b.resetAt - now;
    // A new window: what is still on the wire was sent in the last one.
    g.budget = b.limit === null ? null : {...b, left: b.limit, resetAt: now + b.windowMs};
    return this.quotaWaitMs(host);
  }

  /** The wait the host's announced quota asks for, when it may not be waited (see mayWait); else null. */
  quotaOverCap(host: string): number | null {
    const wait = this.quotaWaitMs(host);
    return wait > 0 && !this.waitFits(this.gate(host), wait) ? wait : null;
  }

  /**
   * May we wait `ms` because `host` asked us to? Not when it is longer than the cap, nor when it would make the
   * host's waits over the run pass HOST_WAIT_RUN_FACTOR × the cap (a host that always says "back in 20 s" must
   * not hold the run for 20 s a link). When we may, the wait is counted against the host's budget.
   */
  mayWait(host: string, ms: number): boolean {
    const g = this.gate(host);
    if (!this.waitFits(g, ms)) return false;
    const until = Date.now() + Math.max(0, ms);
    g.waitedMs += Math.max(0, until - Math.max(Date.now(), g.waitCountedUntil));
    g.waitCountedUntil = Math.max(g.waitCountedUntil, until);
    return true;
  }

  /** How long `host` has kept us waiting so far (for tests and the benchmark). */
  waitedMs(host: string): number {
    return this.gate(host).waitedMs;
  }

  private waitFits(g: HostGate, ms: number): boolean {
    if (ms > this.waitCapMs) return false;
    const now = Date.now();
    const extra = Math.max(0, now + ms - Math.max(now, g.waitCountedUntil));
    return g.waitedMs + extra <= HOST_WAIT_RUN_FACTOR * this.waitCapMs;
  }

  /**
   * An answer announced the host's quota. `remaining` may not count the other requests still on the wire, so they
   * are taken off it; within one window the lowest figure wins (answers can arrive out of order).
   */
  announced(host: string, quota: Quota | null): void {
    const g = this.gate(host);
    if (quota === null) return;
    const now = Date.now();
    const windowMs = Math.max(1000, quota.resetMs ?? 1000); // resets are said in whole seconds
    const left = quota.remaining - Math.max(0, g.onWire - 1);
    const b = g.budget;
    if (b && now < b.resetAt && now + windowMs <= b.resetAt + 1000) b.left = Math.min(b.left, left);
    else g.budget = {left, resetAt: now + windowMs, limit: quota.limit, windowMs};
  }

  private releaseGlobal(): void {
    if (this.globalWaiters.length === 0 || this.globalInflight > this.concurrency) {
      this.globalInflight--;
      return;
    }
    let best = 0;
    for (let i = 1; i < this.globalWaiters.length; i++) {
      if ((this.globalWaiters[i]?.gate.backlog ?? 0) > (this.globalWaiters[best]?.gate.backlog ?? 0)) best = i;
    }
    const [w] = this.globalWaiters.splice(best, 1);
    w?.wake();
  }

  private releaseHost(g: HostGate): void {
    if (g.waiters.length > 0 && g.inflight <= g.limit) g.waiters.shift()?.();
    else g.inflight--;
  }

  /**
   * 429: pause the host (when `waitMs` may be waited: see mayWait; false when not, and no pause), halve its
   * concurrency, and remember how many requests it was taking at once (less the one refused, which still holds
   * its slot): concurrency grows back by one after a run of successes, never past that ceiling, so a host that
   * limits bursts sees few of them.
   */
  rateLimited(host: string, waitMs: number): boolean {
    const g = this.gate(host);
    const paused = this.mayWait(host, waitMs);
    if (paused) g.pausedUntil = Math.max(g.pausedUntil, Date.now() + waitMs);
    g.ceiling = Math.max(1, Math.min(g.ceiling, g.inflight - 1));
    g.limit = Math.max(1, Math.min(Math.floor(g.limit / 2), g.ceiling));
    g.successes = 0;
    return paused;
  }

  succeeded(host: string): void {
    const g = this.gate(host);
    if (g.limit >= g.ceiling) return;
    if (++g.successes >= g.limit * 2) {
      g.limit++;
      g.successes = 0;
      while (g.inflight < g.limit && g.waiters.length > 0) {
        g.inflight++;
        g.waiters.shift()?.();
      }
    }
  }
}
