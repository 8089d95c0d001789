// webhook_configs: POSTs Alertmanager's version-4 JSON body (reference 3.11).
import axios, { AxiosError } from 'axios';
import type { ReceiverConfig, WebhookConfig } from '../../../config/src';
import { buildWebhookPayload } from '../../../dispatch/src';
import { httpPost, HttpPostError } from '../http/http-post';
import { httpConfigAgents, httpConfigHeaders, httpRequestOptions } from '../http/http-request-options';
import { Notification, Notifier, NotifyError, PreparedSend } from '../notifier';
import { NOTIFY_USER_AGENT } from '../user-agent';

const BODY_EXCERPT_BYTES = 256;

interface Answer {
  status: number;
  excerpt: string;
}

export class WebhookNotifier implements Notifier<WebhookConfig> {
  readonly integration = 'webhook';

  configs(receiver: ReceiverConfig): readonly WebhookConfig[] {
    return receiver.webhookConfigs;
  }

  sendResolved(config: WebhookConfig): boolean {
    return config.sendResolved;
  }

  async send(config: WebhookConfig, n: Notification, signal: AbortSignal): Promise<void> {
    return this.prepare(config, n)(signal);
  }

  /** The body is built ahead; each attempt posts it. */
  prepare(config: WebhookConfig, n: Notification): PreparedSend {
    const url = config.url;
    if (!url) throw new NotifyError('webhook has no URL', false, 'other');
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
    return async (signal) => {
      // Only axios goes through a proxy: with proxy_url set, the request takes the axios path.
      const { status, excerpt } = config.httpConfig.proxyUrl ? await postWithAxios(url, body, config, signal) : await post(url, body, config, signal);
      if (status >= 200 && status < 300) return;
      const serverError = status >= 500;
      throw new NotifyError(`unexpected status code ${status}${excerpt ? `: ${excerpt}` : ''}`, serverError, serverError ? 'serverError' : 'clientError');
    };
  }
}

async function post(url: string, body: string, config: WebhookConfig, signal: AbortSignal): Promise<Answer> {
  try {
    const response = await httpPost({
      url,
      body,
      headers: { ...httpConfigHeaders(config.httpConfig), 'Content-Type': 'application/json', 'User-Agent': NOTIFY_USER_AGENT },
      agents: httpConfigAgents(config.httpConfig),
      followRedirects: config.httpConfig.followRedirects,
      timeout: config.timeout,
      signal,
      bodyBytes: BODY_EXCERPT_BYTES,
    });
    return { status: response.status, excerpt: response.body.toString('utf8') };
  } catch (err) {
    throw requestFailed(err instanceof HttpPostError ? err.code : undefined);
  }
}

async function postWithAxios(url: string, body: string, config: WebhookConfig, signal: AbortSignal): Promise<Answer> {
  const options = httpRequestOptions(config.httpConfig);
  try {
    const response = await axios.post(url, body, {
      ...options,
      headers: { ...options.headers, 'Content-Type': 'application/json', 'User-Agent': NOTIFY_USER_AGENT },
      timeout: config.timeout,
      signal,
      responseType: 'text',
      transformRequest: [(data: string) => data],
      validateStatus: () => true,
    });
    return { status: response.status, excerpt: String(response.data ?? '').slice(0, BODY_EXCERPT_BYTES) };
  } catch (err) {
    // Only the code: axios errors carry the request (URL, headers) with them.
    throw requestFailed((err as AxiosError).code);
  }
}

function requestFailed(code: string | undefined): NotifyError {
  return new NotifyError(`webhook request failed: ${code ?? 'ERR_UNKNOWN'}`, true, 'other');
}
