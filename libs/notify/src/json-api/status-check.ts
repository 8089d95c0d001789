// Alertmanager's notify.Retrier: 2xx is success; 5xx and the integration's retry codes are retried;
// anything else is permanent. The error text keeps what the receiver said (its details).
import { FailureReason, NotifyError } from '../notifier';
import type { JsonResponse } from './json-request';
import { parseRetryAfter, RetryAfterError } from './retry-after';

const BODY_EXCERPT_CHARS = 512;

export interface StatusCheck {
  retryCodes: readonly number[];
  /** Turns an error answer into its details; the default keeps an excerpt of the body. */
  details?: (status: number, body: string) => string;
}

export function checkStatus(response: JsonResponse, check: StatusCheck): void {
  const { status } = response;
  if (status >= 200 && status < 300) return;
  const retryable = status >= 500 || check.retryCodes.includes(status);
  const details = check.details ? check.details(status, response.body) : response.body.slice(0, BODY_EXCERPT_CHARS).trim();
  const message = `unexpected status code ${status}${details ? `: ${details}` : ''}`;
  const reason: FailureReason = status >= 500 ? 'serverError' : status >= 400 ? 'clientError' : 'other';
  const wait = retryable ? parseRetryAfter(response.headers['retry-after']) : undefined;
  if (wait !== undefined) throw new RetryAfterError(message, reason, wait);
  throw new NotifyError(message, retryable, reason);
}
