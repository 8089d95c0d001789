// Configurations shared by the API tests.

/** Routes with `continue`, an inhibition rule and a webhook with a secret. */
export const ROUTING_CONFIG = `
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
  webhook_configs:
  - url: http://127.0.0.1:1/hook
    http_config:
      basic_auth: {username: u, password: secretpw}
- name: other
inhibit_rules:
- source_matchers: ['severity="critical"']
  target_matchers: ['severity="warning"']
  equal: [alertname]
`;
