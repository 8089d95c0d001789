// pagerduty_configs: Events API v2 (`routing_key`) or v1 (`service_key`), reference 3.12.
// Unlike Alertmanager, whose v1 URL is hard-coded, Klaxon posts v1 events to `url` when it was
// changed from the v2 default (so a proxy or a test server can receive them).
import type { PagerdutyConfig, ReceiverConfig } from '../../../config/src';
import { sha256Hex } from '../../../core/src';
import { sendJson } from '../json-api/json-request';
import type { RateLimit, RateLimitedNotifier } from '../json-api/rate-limit';
import { checkStatus } from '../json-api/status-check';
import { Notification, Notifier } from '../notifier';
import { FieldRenderer } from '../templating/field-renderer';
import type { TemplateSource } from '../templating/template-source';
import { buildPagerdutyEvent } from './pagerduty-message';

export const PAGERDUTY_V2_DEFAULT_URL = 'https://events.pagerduty.com/v2/enqueue';
/** PagerDuty's documented Events API limit per routing key. */
export const PAGERDUTY_EVENTS_PER_MINUTE = 120;
export const PAGERDUTY_V1_URL = 'https://events.pagerduty.com/generic/2010-04-15/create_event.json';

export class PagerdutyNotifier implements Notifier<PagerdutyConfig>, RateLimitedNotifier<PagerdutyConfig> {
  readonly integration = 'pagerduty';

  constructor(private readonly templates: TemplateSource) {}

  configs(receiver: ReceiverConfig): readonly PagerdutyConfig[] {
    return receiver.pagerdutyConfigs;
  }

  sendResolved(config: PagerdutyConfig): boolean {
    return config.sendResolved;
  }

  /** Keyed by the configured (untemplated) key's hash. */
  rateLimit(config: PagerdutyConfig): RateLimit | undefined {
    const key = config.routingKey ?? config.serviceKey;
    return key === undefined ? undefined : { key: sha256Hex(`pagerduty\n${key}`), perMinute: PAGERDUTY_EVENTS_PER_MINUTE };
  }

  async send(config: PagerdutyConfig, n: Notification, signal: AbortSignal): Promise<void> {
    const event = buildPagerdutyEvent(config, n, new FieldRenderer(this.templates.current(), n));
    const v1 = isV1(config);
    const response = await sendJson({
      method: 'POST',
      url: v1 ? pagerdutyV1Url(config) : config.url,
      body: event.body,
      httpConfig: config.httpConfig,
      timeout: config.timeout,
      signal,
      integration: 'PagerDuty',
    });
    // v1 retries 403 (its rate limit), v2 retries 429; both retry 5xx.
    checkStatus(response, { retryCodes: v1 ? [403] : [429], details: pagerdutyErrorDetails });
  }
}

export function isV1(config: PagerdutyConfig): boolean {
  return config.routingKey === undefined && config.serviceKey !== undefined;
}

export function pagerdutyV1Url(config: PagerdutyConfig): string {
  return config.url && config.url !== PAGERDUTY_V2_DEFAULT_URL ? config.url : PAGERDUTY_V1_URL;
}

/** A 400's `message: errors,…` (Alertmanager's errDetails); other answers add nothing. */
export function pagerdutyErrorDetails(status: number, body: string): string {
  if (status !== 400) return '';
  try {
    const answer = JSON.parse(body) as { message?: unknown; errors?: unknown };
    const errors = Array.isArray(answer.errors) ? answer.errors.map(String).join(',') : '';
    return `${typeof answer.message === 'string' ? answer.message : ''}: ${errors}`;
  } catch {
    return '';
  }
}
