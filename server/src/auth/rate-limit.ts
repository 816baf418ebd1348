/**
 * Sign-in limits, in memory, per app instance (tests never share one). Three rules, each named in the
 * refusal so the client can say which one applied:
 *
 * - `account`: after `accountLimit` failures for one e-mail *from one address* within `accountWindowMs`,
 *   that address waits until the oldest failure leaves the window. Keyed by (e-mail, address), so a
 *   caller who fails on someone else's account locks only itself out: the owner signs in from their own
 *   address at once, and from the same address once the window has passed — no lockout beyond it.
 * - `ip`: one address failing `ipLimit` times within `ipWindowMs` (on any accounts: one password tried
 *   across many) waits 2^(failures − limit) seconds after its last failure, doubling with each further
 *   failure, capped at `ipMaxBackoffMs`.
 * - `global`: when more than `globalLimit` failures arrive from all addresses within `globalWindowMs`, an
 *   address with any failure of its own in that window waits for the window to pass; addresses with no
 *   recent failure are still let through, so a flood cannot lock out everyone else.
 *
 * Every map is bounded (`maxKeys`): expired entries are swept first, then the oldest are dropped.
 */
export interface SignInLimits {
  accountLimit: number;
  accountWindowMs: number;
  ipLimit: number;
  ipWindowMs: number;
  ipMaxBackoffMs: number;
  globalLimit: number;
  globalWindowMs: number;
  maxKeys: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  accountLimit: 5,
  accountWindowMs: 60_000,
  ipLimit: 20,
  ipWindowMs: 15 * 60_000,
  ipMaxBackoffMs: 15 * 60_000,
  globalLimit: 300,
  globalWindowMs: 60_000,
  maxKeys: 10_000,
};

export type LimitRule = 'account' | 'ip' | 'global';
export interface LimitHit {
  rule: LimitRule;
  retryAfterMs: number;
}

/** Failure times per key, oldest first, bounded in keys and in times per key. */
class FailureLog {
  private readonly times = new Map<string, number[]>();
  constructor(
    private readonly windowMs: number,
    private readonly maxKeys: number,
    private readonly maxPerKey: number,
  ) {}

  recent(key: string, nowMs: number): number[] {
    const list = this.times.get(key);
    if (!list) return [];
    const fresh = list.filter((t) => t > nowMs - this.windowMs);
    if (fresh.length === 0) this.times.delete(key);
    else if (fresh.length !== list.length) this.times.set(key, fresh);
    return fresh;
  }

  add(key: string, nowMs: number): void {
    const list = this.recent(key, nowMs);
    list.push(nowMs);
    if (list.length > this.maxPerKey) list.splice(0, list.length - this.maxPerKey);
    // Re-insert so Map order is "least recently failed first" for eviction.
    this.times.delete(key);
    this.times.set(key, list);
    if (this.times.size > this.maxKeys) this.prune(nowMs);
  }

  clear(key: string): void {
    this.times.delete(key);
  }

  get size(): number {
    return this.times.size;
  }

  private prune(nowMs: number): void {
    for (const [key, list] of this.times) if (!list.some((t) => t > nowMs - this.windowMs)) this.times.delete(key);
    for (const key of this.times.keys()) {
      if (this.times.size <= this.maxKeys) break;
      this.times.delete(key);
    }
  }
}

export class SignInLimiter {
  readonly limits: SignInLimits;
  private readonly account: FailureLog;
  private readonly ip: FailureLog;
  private global: number[] = [];

  constructor(limits: Partial<SignInLimits> = {}) {
    this.limits = { ...DEFAULT_SIGN_IN_LIMITS, ...limits };
    const l = this.limits;
    this.account = new FailureLog(l.accountWindowMs, l.maxKeys, l.accountLimit);
    this.ip = new FailureLog(l.ipWindowMs, l.maxKeys, l.ipLimit + 32);
  }

  /** The rule that refuses this attempt and how long to wait, or null to go ahead. */
  check(email: string, ip: string | null, nowMs: number): LimitHit | null {
    const l = this.limits;
    const address = ip ?? 'unknown';
    const byIp = this.ip.recent(address, nowMs);
    if (byIp.length >= l.ipLimit) {
      const last = byIp[byIp.length - 1] ?? nowMs;
      const backoff = Math.min(l.ipMaxBackoffMs, 1000 * 2 ** Math.min(30, byIp.length - l.ipLimit));
      const wait = last + backoff - nowMs;
      if (wait > 0) return { rule: 'ip', retryAfterMs: wait };
    }
    const byAccount = this.account.recent(accountKey(email, address), nowMs);
    if (byAccount.length >= l.accountLimit) {
      const oldest = byAccount[byAccount.length - l.accountLimit] ?? nowMs;
      const wait = oldest + l.accountWindowMs - nowMs;
      if (wait > 0) return { rule: 'account', retryAfterMs: wait };
    }
    this.global = this.global.filter((t) => t > nowMs - l.globalWindowMs);
    if (this.global.length >= l.globalLimit && byIp.some((t) => t > nowMs - l.globalWindowMs)) {
      const oldest = this.global[this.global.length - l.globalLimit] ?? nowMs;
      const wait = oldest + l.globalWindowMs - nowMs;
      if (wait > 0) return { rule: 'global', retryAfterMs: wait };
    }
    return null;
  }

  recordFailure(email: string, ip: string | null, nowMs: number): void {
    const address = ip ?? 'unknown';
    this.account.add(accountKey(email, address), nowMs);
    this.ip.add(address, nowMs);
    this.global.push(nowMs);
    const cap = this.limits.globalLimit * 2;
    if (this.global.length > cap) this.global.splice(0, this.global.length - cap);
  }

  /** A successful sign-in clears that account's failures from that address (not the address's others). */
  recordSuccess(email: string, ip: string | null): void {
    this.account.clear(accountKey(email, ip ?? 'unknown'));
  }

  /** How many keys the limiter holds (for the memory-bound test). */
  get keyCount(): number {
    return this.account.size + this.ip.size;
  }
}

const accountKey = (email: string, address: string) => `${email.toLowerCase()}\u0000${address}`;

/**
 * Failed sign-ins for accounts that do not exist are not worth one audit row each (a loop of fresh
 * addresses would grow the append-only trail without bound). They are counted per window instead: the
 * first failure of a window writes one row, carrying the count of the window before it. At most one
 * row per `windowMs`, whatever the flood.
 */
export class UnknownAccountFailures {
  private start: number | null = null;
  private count = 0;
  private readonly addresses = new Set<string>();

  constructor(readonly windowMs = 10 * 60_000) {}

  /**
   * Counts one failure. Returns the row to write when this failure opens a new window (with the
   * previous window's totals), or null when it is counted into the open window.
   */
  record(ip: string | null, nowMs: number): { previous: { from: string; to: string; count: number; addresses: number } | null } | null {
    if (this.start !== null && nowMs < this.start + this.windowMs) {
      this.count += 1;
      if (this.addresses.size < 1000) this.addresses.add(ip ?? 'unknown');
      return null;
    }
    const previous =
      this.start === null
        ? null
        : {
            from: new Date(this.start).toISOString(),
            to: new Date(this.start + this.windowMs).toISOString(),
            count: this.count,
            addresses: this.addresses.size,
          };
    this.start = nowMs;
    this.count = 1;
    this.addresses.clear();
    this.addresses.add(ip ?? 'unknown');
    return { previous };
  }
}
