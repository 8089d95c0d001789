// Configurations shared by the API tests.

const routingConfig = (critIntegrations: string) => `
global:
  resolve_timeout: 5m
route:
  receiver: team-x.y
  group_by: [alertname]
  routes:
  - receiver: crit
    matchers: ['severity=~"crit.*"']
    group_by: [alertname, instance]
    continue: true
  - receiver: other
    matchers: ['team="a"']
receivers:
- name: team-x.y
- name: crit
${critIntegrations}- name: other
inhibit_rules:
- source_matchers: ['severity="critical"']
  target_matchers: ['severity="warning"']
  equal: [alertname]
`;

const EMAIL_WITH_PASSWORD = `  email_configs:
  - {to: crit@example.org, from: klaxon@example.org, smarthost: '127.0.0.1:1', auth_username: u, auth_password: secretpw}
`;

/**
 * Routes with `continue`, an inhibition rule and an integration with a secret, all of which
 * amtool 0.25 reads back from config.original.
 */
export const ROUTING_CONFIG = routingConfig(EMAIL_WITH_PASSWORD);

/** The webhook URL in ROUTING_CONFIG_WITH_WEBHOOK, with a token in its query. */
const WEBHOOK_URL_WITH_TOKEN = 'http://127.0.0.1:1/hook?token=url-token';

/**
 * ROUTING_CONFIG with a webhook as well. Since Alertmanager 0.26 config.original writes its URL
 * as `<secret>`, which amtool 0.25 cannot read back (`amtool config routes` fails on it).
 */
export const ROUTING_CONFIG_WITH_WEBHOOK = routingConfig(`${EMAIL_WITH_PASSWORD}  webhook_configs:
  - url: '${WEBHOOK_URL_WITH_TOKEN}'
    http_config:
      basic_auth: {username: u, password: hookpw}
`);
