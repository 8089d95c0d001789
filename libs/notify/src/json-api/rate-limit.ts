// An integration's own delivery rate limit, keyed per destination (PagerDuty: about 120 events a minute
// per routing key). The key is a hash: it never holds the secret itself.
export interface RateLimit {
  /** Identifies the destination (e.g. sha256 of the routing key). */
  key: string;
  perMinute: number;
}

export interface RateLimitedNotifier<Config> {
  rateLimit(config: Config): RateLimit | undefined;
}

export function hasRateLimit<Config>(notifier: object): notifier is RateLimitedNotifier<Config> {
  return typeof (notifier as Partial<RateLimitedNotifier<Config>>).rateLimit === 'function';
}
