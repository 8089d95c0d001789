// Receiver integrations Alertmanager knows but Klaxon does not deliver. A receiver using one is rejected.
export const UNSUPPORTED_INTEGRATIONS = [
  'discord_configs', 'incidentio_configs', 'jira_configs', 'mattermost_configs', 'msteams_configs',
  'msteamsv2_configs', 'pushover_configs', 'rocketchat_configs', 'slack_configs', 'sns_configs',
  'telegram_configs', 'victorops_configs', 'webex_configs', 'wechat_configs',
] as const;

export function unsupportedIntegrationMessage(receiver: string, key: string): string {
  return `receiver ${JSON.stringify(receiver)} uses ${key}, an integration Klaxon does not deliver (supported: email_configs, pagerduty_configs, opsgenie_configs, webhook_configs)`;
}
