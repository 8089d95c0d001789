// opsgenie_configs: the OpsGenie Alert API v2 with `Authorization: GenieKey <api_key>` (reference 3.13).
// The same endpoints are served by Jira Service Management's OpsGenie-compatible API; see docs/receivers.md.
import type { OpsgenieConfig, ReceiverConfig } from '../../../config/src';
import { sendJson } from '../json-api/json-request';
import { checkStatus } from '../json-api/status-check';
import { Notification, Notifier, NotifyError } from '../notifier';
import { FieldRenderer } from '../templating/field-renderer';
import type { TemplateSource } from '../templating/template-source';
import { buildOpsgenieRequests } from './opsgenie-requests';

export class OpsgenieNotifier implements Notifier<OpsgenieConfig> {
  readonly integration = 'opsgenie';

  constructor(private readonly templates: TemplateSource) {}

  configs(receiver: ReceiverConfig): readonly OpsgenieConfig[] {
    return receiver.opsgenieConfigs;
  }

  sendResolved(config: OpsgenieConfig): boolean {
    return config.sendResolved;
  }

  async send(config: OpsgenieConfig, n: Notification, signal: AbortSignal): Promise<void> {
    const render = new FieldRenderer(this.templates.current(), n);
    const requests = buildOpsgenieRequests(config, n, render);
    if (config.apiKey === undefined) throw new NotifyError('no OpsGenie API key', false, 'other');
    const apiKey = render.secret('OpsGenie api_key', config.apiKey).trim();
    for (const request of requests) {
      const response = await sendJson({
        ...request,
        httpConfig: config.httpConfig,
        headers: { Authorization: `GenieKey ${apiKey}` },
        signal,
        integration: 'OpsGenie',
      });
      checkStatus(response, { retryCodes: [429] });
    }
  }
}
