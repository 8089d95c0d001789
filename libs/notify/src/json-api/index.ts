export { goJsonEncode, GoJsonValue } from './go-json-value';
export { sendJson, JsonRequest, JsonResponse } from './json-request';
export { checkStatus, StatusCheck } from './status-check';
export { RetryAfterError, parseRetryAfter, retryAfterMs, retryWaitMs, MAX_RETRY_AFTER_MS } from './retry-after';
export { RateLimit, RateLimitedNotifier, hasRateLimit } from './rate-limit';
