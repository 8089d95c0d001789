// webhook_configs: POSTs Alertmanager's version-4 JSON body (reference 3.11).
import axios, { AxiosError } from 'axios';
import type { ReceiverConfig, WebhookConfig } from '../../../config/src';
import { buildWebhookPayload } from '../../../dispatch/src';
import { httpRequestOptions } from '../http/http-request-options';
import { Notification, Notifier, NotifyError } from '../notifier';
import { NOTIFY_USER_AGENT } from '../user-agent';

const BODY_EXCERPT_BYTES = 256;

export class WebhookNotifier implements Notifier<WebhookConfig> {
  readonly integration = 'webhook';

  configs(receiver: ReceiverConfig): readonly WebhookConfig[] {
    return receiver.webhookConfigs;
  }

  sendResolved(config: WebhookConfig): boolean {
    return config.sendResolved;
  }

  async send(config: WebhookConfig, n: Notification, signal: AbortSignal): Promise<void> {
    if (!config.url) throw new NotifyError('webhook has no URL', false, 'other');
    const body = buildWebhookPayload({
      receiver: n.receiver,
      alerts: n.alerts,
      groupLabels: n.groupLabels,
      externalURL: n.externalUrl,
      now: n.now,
      notificationReason: n.reason,
      groupKey: n.groupKey,
      maxAlerts: config.maxAlerts,
    });
    const options = httpRequestOptions(config.httpConfig);
    try {
      await axios.post(config.url, body, {
        ...options,
        headers: { ...options.headers, 'Content-Type': 'application/json', 'User-Agent': NOTIFY_USER_AGENT },
        timeout: config.timeout,
        signal,
        responseType: 'text',
        transformRequest: [(data: string) => data],
        validateStatus: () => true,
      }).then((response) => {
        if (response.status >= 200 && response.status < 300) return;
        const excerpt = String(response.data ?? '').slice(0, BODY_EXCERPT_BYTES);
        const serverError = response.status >= 500;
        throw new NotifyError(`unexpected status code ${response.status}${excerpt ? `: ${excerpt}` : ''}`, serverError, serverError ? 'serverError' : 'clientError');
      });
    } catch (err) {
      if (err instanceof NotifyError) throw err;
      // Only the code and a generic message: axios errors carry the request (URL, headers) with them.
      const code = (err as AxiosError).code ?? 'ERR_UNKNOWN';
      throw new NotifyError(`webhook request failed: ${code}`, true, 'other');
    }
  }
}
