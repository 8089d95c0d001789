// One JSON request to a receiver API (PagerDuty, OpsGenie) with the integration's http_config.
// Transport errors never carry the URL or headers (they hold keys) into the error.
import axios, { AxiosError } from 'axios';
import type { HttpConfig } from '../../../config/src';
import { httpRequestOptions } from '../http/http-request-options';
import { NotifyError } from '../notifier';
import { NOTIFY_USER_AGENT } from '../user-agent';

export interface JsonRequest {
  method: 'POST' | 'PUT';
  url: string;
  /** Already encoded (Go's json.Encoder output). */
  body: string;
  httpConfig: HttpConfig;
  headers?: Record<string, string>;
  /** ms; 0 means no timeout of its own. */
  timeout?: number;
  signal: AbortSignal;
  /** Names the integration in transport errors. */
  integration: string;
}

export interface JsonResponse {
  status: number;
  body: string;
  headers: Record<string, string | undefined>;
}

export async function sendJson(req: JsonRequest): Promise<JsonResponse> {
  const options = httpRequestOptions(req.httpConfig);
  try {
    const response = await axios.request<string>({
      ...options,
      method: req.method,
      url: req.url,
      data: req.body,
      headers: { ...options.headers, ...req.headers, 'Content-Type': 'application/json', 'User-Agent': NOTIFY_USER_AGENT },
      timeout: req.timeout ?? 0,
      signal: req.signal,
      responseType: 'text',
      transformRequest: [(data: string) => data],
      transformResponse: [(data: string) => data],
      validateStatus: () => true,
    });
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(response.headers ?? {})) headers[k.toLowerCase()] = v === undefined || v === null ? undefined : String(v);
    return { status: response.status, body: String(response.data ?? ''), headers };
  } catch (err) {
    const code = (err as AxiosError).code ?? 'ERR_UNKNOWN';
    throw new NotifyError(`failed to post message to ${req.integration}: ${code}`, true, 'other');
  }
}
