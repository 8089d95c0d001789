import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseConfig, loadConfigFile } from './parse-config';
import { ConfigError } from '../config-error';
import type { ConfigFileReader } from '../config-file-reader';
import { repoPath } from '../testing/repo-paths';
import { issuesOf } from '../testing/config-issues';

const fixture = (name: string) => repoPath('test/fixtures/configs', name);
const MIN = 'route:\n  receiver: x\nreceivers:\n- name: x\n';

function fakeReader(files: Record<string, string>): ConfigFileReader & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readFile(path: string) {
      reads.push(path);
      if (!(path in files)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return files[path];
    },
  };
}

describe('upstream fixtures', () => {
  test('upstream-simple.yml loads with the documented tree, inheritance and a tracing warning', () => {
    const c = loadConfigFile(fixture('upstream-simple.yml'));
    assert.equal(c.route.receiver, 'team-X-mails');
    assert.deepEqual(c.route.groupBy, ['alertname', 'cluster', 'service']);
    assert.equal(c.route.groupWait, 30_000);
    assert.equal(c.route.groupInterval, 300_000);
    assert.equal(c.route.repeatInterval, 3 * 3_600_000);
    assert.equal(c.route.routes.length, 3);
    assert.deepEqual(c.route.routes[0].matchers.map(String), ['service=~"foo1|foo2|baz"']);
    assert.equal(c.route.routes[2].routes[0].continue, true);
    assert.deepEqual(c.route.routes[2].groupBy, ['alertname', 'cluster', 'database']);
    assert.equal(c.route.routes[1].groupBy, undefined);
    assert.deepEqual(c.inhibitRules[0].equal, ['alertname', 'cluster', 'service']);
    assert.deepEqual(c.inhibitRules[0].sourceMatchers.map(String), ['severity="critical"']);
    assert.deepEqual(c.receivers.map((r) => r.name), ['team-X-mails', 'team-X-pager', 'team-Y-mails', 'team-Y-pager', 'team-DB-pager']);
    const mail = c.receivers[0].emailConfigs[0];
    assert.equal(mail.from, 'alertmanager@example.org');
    assert.equal(mail.smarthost, 'localhost:25');
    assert.equal(mail.authUsername, 'alertmanager');
    assert.equal(mail.authPassword, 'password');
    assert.equal(mail.sendResolved, false);
    assert.equal(mail.headers.To, 'team-X+alerts@example.org');
    const pd = c.receivers[1].pagerdutyConfigs[0];
    assert.equal(pd.serviceKey, '<team-X-key>');
    assert.equal(pd.url, 'https://events.pagerduty.com/v2/enqueue');
    assert.equal(pd.sendResolved, true);
    assert.deepEqual(c.templates, ['/etc/alertmanager/template/*.tmpl']);
    assert.equal(c.warnings.length, 1);
    assert.match(c.warnings[0], /tracing/);
  });

  test('upstream-conf.routing.yml loads; match_re is anchored RE2 and match values are strings', () => {
    const c = loadConfigFile(fixture('upstream-conf.routing.yml'));
    const [first, second] = c.route.routes;
    assert.equal(first.matchers[0].type, '=~');
    assert.equal(first.matchers[0].matches('1'), true);
    assert.equal(first.matchers[0].matches('12'), false);
    assert.equal(first.continue, true);
    assert.deepEqual(second.matchers.map(String), ['test="2"']);
    assert.equal(c.receivers.every((r) => r.emailConfigs.length === 0 && r.webhookConfigs.length === 0), true);
  });

  test('upstream-conf.good.yml is rejected only for its unsupported integrations, each listed', () => {
    assert.throws(() => loadConfigFile(fixture('upstream-conf.good.yml')), (e: unknown) => {
      assert.ok(e instanceof ConfigError);
      assert.deepEqual(
        e.errors.map((i) => [i.path, i.line]),
        [['receivers[5].victorops_configs', 105], ['receivers[7].pushover_configs', 112], ['receivers[8].slack_configs', 116]],
      );
      assert.match(e.errors[0].message, /"victorOps-receiver".*victorops_configs/);
      assert.match(e.errors[1].message, /"pushover-receiver".*pushover_configs/);
      assert.match(e.errors[2].message, /"slack-receiver".*slack_configs/);
      for (const i of e.errors) assert.doesNotMatch(i.message, /mysecret/);
      return true;
    });
  });

  test('every unsupported integration is rejected by name', () => {
    for (const key of ['wechat_configs', 'sns_configs', 'telegram_configs', 'webex_configs', 'discord_configs', 'msteams_configs', 'msteamsv2_configs', 'jira_configs', 'rocketchat_configs', 'incidentio_configs', 'mattermost_configs']) {
      const issues = issuesOf(`${MIN}  ${key}: [{}]\n`);
      assert.equal(issues.length, 1, key);
      assert.match(issues[0].message, new RegExp(`receiver "x" uses ${key}`));
    }
  });
});

describe('defaults and inheritance', () => {
  test('global defaults', () => {
    const g = parseConfig(MIN, '/etc/am').global;
    assert.equal(g.resolveTimeout, 300_000);
    assert.equal(g.smtpHello, 'localhost');
    assert.equal(g.smtpRequireTls, true);
    assert.equal(g.pagerdutyUrl, 'https://events.pagerduty.com/v2/enqueue');
    assert.equal(g.opsgenieApiUrl, 'https://api.opsgenie.com/');
    assert.equal(g.httpConfig.followRedirects, true);
    assert.equal(g.httpConfig.enableHttp2, true);
  });

  test('integration defaults: send_resolved, email texts, PagerDuty details and source', () => {
    const c = parseConfig(
      'global:\n  smtp_smarthost: h:25\n  smtp_from: f@x\n' + MIN +
        '  email_configs: [{to: t@x, headers: {x-extra: v}}]\n  pagerduty_configs: [{routing_key: k, client: C, details: {num_firing: n, extra: e}}]\n  webhook_configs: [{url: "http://h/"}]\n  opsgenie_configs: [{api_key: k}]\n',
      '/',
    );
    const [r] = c.receivers;
    assert.equal(r.emailConfigs[0].sendResolved, false);
    assert.deepEqual(r.emailConfigs[0].headers, { 'X-Extra': 'v', Subject: '{{ template "email.default.subject" . }}', From: 'f@x', To: 't@x' });
    assert.equal(r.emailConfigs[0].html, '{{ template "email.default.html" . }}');
    assert.equal(r.emailConfigs[0].hello, 'localhost');
    assert.equal(r.emailConfigs[0].requireTls, true);
    const pd = r.pagerdutyConfigs[0];
    assert.equal(pd.source, 'C');
    assert.deepEqual(pd.details, {
      firing: '{{ .Alerts.Firing | toJson }}',
      resolved: '{{ .Alerts.Resolved | toJson }}',
      num_firing: 'n',
      num_resolved: '{{ .Alerts.Resolved | len }}',
      extra: 'e',
    });
    assert.equal(r.webhookConfigs[0].sendResolved, true);
    assert.equal(r.webhookConfigs[0].maxAlerts, 0);
    assert.equal(r.webhookConfigs[0].timeout, 0);
    assert.equal(r.opsgenieConfigs[0].sendResolved, true);
    assert.equal(r.opsgenieConfigs[0].message, '{{ template "opsgenie.default.message" . }}');
    assert.deepEqual(r.labels, { name: 'x' });
  });

  test('opsgenie inherits key and URL from global and gets a trailing slash', () => {
    const c = parseConfig('global:\n  opsgenie_api_key: gk\n  opsgenie_api_url: https://og.example/api\n' + MIN + '  opsgenie_configs: [{}, {api_url: "https://other.example"}]\n', '/');
    const [a, b] = c.receivers[0].opsgenieConfigs;
    assert.equal(a.apiKey, 'gk');
    assert.equal(a.apiUrl, 'https://og.example/api/');
    assert.equal(b.apiUrl, 'https://other.example/');
  });

  test('global http_config is inherited as a whole block only when the integration sets none', () => {
    const c = parseConfig(
      'global:\n  http_config:\n    proxy_url: http://proxy:3128\n    follow_redirects: false\n' + MIN +
        '  webhook_configs:\n  - url: http://a/\n  - url: http://b/\n    http_config: {enable_http2: false}\n',
      '/',
    );
    const [a, b] = c.receivers[0].webhookConfigs;
    assert.equal(a.httpConfig.proxyUrl, 'http://proxy:3128');
    assert.equal(a.httpConfig.followRedirects, false);
    assert.equal(b.httpConfig.proxyUrl, undefined);
    assert.equal(b.httpConfig.followRedirects, true);
    assert.equal(b.httpConfig.enableHttp2, false);
  });

  test('email settings from global, overridable per config', () => {
    const c = parseConfig(
      'global:\n  smtp_smarthost: g:25\n  smtp_from: g@x\n  smtp_auth_password: gp\n  smtp_require_tls: false\n  smtp_hello: gh\n' + MIN +
        '  email_configs: [{to: a@x}, {to: b@x, smarthost: "own:465", from: o@x, auth_password: op, require_tls: true}]\n',
      '/',
    );
    const [a, b] = c.receivers[0].emailConfigs;
    assert.deepEqual([a.smarthost, a.from, a.authPassword, a.requireTls, a.hello], ['g:25', 'g@x', 'gp', false, 'gh']);
    assert.deepEqual([b.smarthost, b.from, b.authPassword, b.requireTls], ['own:465', 'o@x', 'op', true]);
  });
});

describe('files, paths and secrets', () => {
  test('*_file secrets are read through the reader, relative to the config dir, trimmed', () => {
    const reader = fakeReader({ '/etc/am/secrets/rk': 'routing-secret\n', '/abs/pw': 'pw\n', '/etc/am/url': 'http://hook/x\n' });
    const c = parseConfig(
      'global:\n  smtp_auth_password_file: /abs/pw\n' + MIN +
        '  pagerduty_configs: [{routing_key_file: secrets/rk}]\n  webhook_configs: [{url_file: url}]\n',
      '/etc/am',
      reader,
    );
    assert.equal(c.receivers[0].pagerdutyConfigs[0].routingKey, 'routing-secret');
    assert.equal(c.receivers[0].pagerdutyConfigs[0].routingKeyFile, '/etc/am/secrets/rk');
    assert.equal(c.receivers[0].webhookConfigs[0].url, 'http://hook/x');
    assert.equal(c.global.smtpAuthPassword, 'pw');
  });

  test('an unreadable secret file names the key and path', () => {
    const issues = issuesOf(MIN + '  pagerduty_configs: [{routing_key_file: missing}]\n', '/etc/am', fakeReader({}));
    assert.deepEqual(issues.map((i) => [i.path, i.line, i.message]), [
      ['receivers[0].pagerduty_configs[0].routing_key_file', 5, 'unable to read routing_key_file "/etc/am/missing": no such file or directory'],
    ]);
  });

  test('secrets never appear in errors', () => {
    const issues = issuesOf(
      'global:\n  smtp_auth_password: hunter2\n  smtp_auth_password_file: f\n' + MIN +
        '  webhook_configs: [{url: "http://a/", http_config: {basic_auth: {password: hunter3}, authorization: {credentials: hunter4}}}]\n',
    );
    assert.equal(issues.length, 2);
    for (const i of issues) assert.doesNotMatch(i.message, /hunter/);
  });

  test('templates resolve against the config dir and stay globs', () => {
    const c = parseConfig('templates: ["t/*.tmpl", "/abs/x.tmpl"]\n' + MIN, '/etc/am');
    assert.deepEqual(c.templates, ['/etc/am/t/*.tmpl', '/abs/x.tmpl']);
  });

  test('TLS file paths resolve against the config dir', () => {
    const c = parseConfig(MIN + '  webhook_configs: [{url: "https://a/", http_config: {tls_config: {ca_file: ca.pem, insecure_skip_verify: true}}}]\n', '/etc/am');
    assert.equal(c.receivers[0].webhookConfigs[0].httpConfig.tlsConfig?.caFile, '/etc/am/ca.pem');
    assert.equal(c.receivers[0].webhookConfigs[0].httpConfig.tlsConfig?.insecureSkipVerify, true);
  });
});

describe('routes, matchers and durations', () => {
  test('match, match_re and matchers are merged and sorted by name, value, type', () => {
    const c = parseConfig(
      'route:\n  receiver: x\n  routes:\n  - match: {b: "2", a: z}\n    match_re: {c: "x.*"}\n    matchers: [\'a!="z", d=~"^e$"\', "a=b"]\n' + MIN.slice(MIN.indexOf('receivers')),
      '/',
    );
    assert.deepEqual(c.route.routes[0].matchers.map(String), ['a="b"', 'a="z"', 'a!="z"', 'b="2"', 'c=~"x.*"', 'd=~"^e$"']);
    assert.deepEqual(c.route.routes[0].raw.matchers, ['a="b"', 'a!="z"', 'd=~"^e$"']);
  });

  test('Prometheus durations on routes, Go durations on integration timeouts', () => {
    const c = parseConfig(
      'route:\n  receiver: x\n  group_wait: 0s\n  group_interval: 1h30m\n  repeat_interval: 1d\n' + MIN.slice(MIN.indexOf('receivers')) +
        '  webhook_configs: [{url: "http://a/", timeout: 1m30s}]\n',
      '/',
    );
    assert.deepEqual([c.route.groupWait, c.route.groupInterval, c.route.repeatInterval], [0, 5_400_000, 86_400_000]);
    assert.equal(c.receivers[0].webhookConfigs[0].timeout, 90_000);
    const issues = issuesOf(MIN + '  webhook_configs: [{url: "http://a/", timeout: 1d}]\n');
    assert.equal(issues.length, 1);
    assert.equal(issues[0].path, 'receivers[0].webhook_configs[0].timeout');
  });

  test('group_by [] and [...] are kept as written; absent is undefined', () => {
    const c = parseConfig('route:\n  receiver: x\n  group_by: ["..."]\n  routes:\n  - group_by: []\n  - {}\n' + MIN.slice(MIN.indexOf('receivers')), '/');
    assert.deepEqual(c.route.groupBy, ['...']);
    assert.deepEqual(c.route.routes[0].groupBy, []);
    assert.equal(c.route.routes[1].groupBy, undefined);
    assert.equal(c.route.routes[1].receiver, undefined);
  });

  test('time interval references are not inherited and must exist', () => {
    const c = parseConfig(
      'route:\n  receiver: x\n  routes:\n  - mute_time_intervals: [night]\n    active_time_intervals: [day]\n    routes: [{}]\n' +
        MIN.slice(MIN.indexOf('receivers')) + 'time_intervals:\n- name: day\n  time_intervals: [{times: [{start_time: "08:00", end_time: "20:00"}]}]\nmute_time_intervals:\n- name: night\n  time_intervals: [{weekdays: [saturday]}]\n',
      '/',
    );
    assert.deepEqual(c.route.routes[0].muteTimeIntervals, ['night']);
    assert.deepEqual(c.route.routes[0].routes[0].muteTimeIntervals, []);
    assert.deepEqual([...c.timeIntervals.keys()].sort(), ['day', 'night']);
    assert.equal(c.timeIntervals.get('night')?.fromMuteTimeIntervals, true);
  });
});

describe('YAML anchors, aliases and merge keys', () => {
  test('merge keys and aliases load as Go yaml does: written keys win, earlier merges first', () => {
    const c = parseConfig(
      'route:\n  receiver: x\n  routes:\n  - &r\n    receiver: x\n    group_wait: 10s\n  - <<: *r\n    group_wait: 20s\n  - <<: [*r]\n    continue: true\n' +
        'receivers:\n- name: x\n  webhook_configs:\n  - &w\n    url: http://a/\n  - *w\n',
      '/',
    );
    assert.deepEqual(c.route.routes.map((r) => [r.receiver, r.groupWait, r.continue]), [['x', 10_000, false], ['x', 20_000, false], ['x', 10_000, true]]);
    assert.equal(c.receivers[0].webhookConfigs.length, 2);
  });
});

describe('collecting problems', () => {
  test('an empty inhibit_rules item does not crash and inhibits nothing', () => {
    const c = parseConfig(MIN + 'inhibit_rules:\n-\n- source_matchers: [a=b]\n', '/');
    assert.equal(c.inhibitRules.length, 1);
  });

  test('all errors are reported at once, in file order, with paths and lines', () => {
    const issues = issuesOf(
      'route:\n  receiver: nope\n  group_by: [a, a]\n  routes:\n  - group_interval: 0s\n    receiver: x\nreceivers:\n- name: x\n  webhook_configs: [{}]\n- name: x\n',
    );
    assert.deepEqual(issues.map((i) => [i.line, i.path, i.message]), [
      [2, 'route.receiver', 'undefined receiver "nope" used in route'],
      [3, 'route.group_by', 'duplicated label "a" in group_by'],
      [5, 'route.routes[0].group_interval', 'group_interval cannot be zero'],
      [9, 'receivers[0].webhook_configs[0]', 'one of url or url_file must be configured'],
      [10, 'receivers[1]', 'notification config name "x" is not unique'],
    ]);
  });

  test('YAML syntax errors and duplicate keys are reported with their line', () => {
    const dup = issuesOf('route:\n  receiver: x\n  receiver: y\nreceivers:\n- name: x\n');
    assert.equal(dup.length, 1);
    assert.equal(dup[0].line, 3);
    const bad = issuesOf('route:\n  receiver: [x\n');
    assert.equal(bad.length >= 1, true);
    assert.match(bad[0].message, /^yaml: /);
  });

  test('the ConfigError message lists every issue with its place', () => {
    assert.throws(
      () => parseConfig('route:\n  receiver: x\n  foo: 1\nreceivers:\n- name: x\n  bar: 2\n', '/'),
      (e: unknown) =>
        e instanceof ConfigError &&
        e.message === '2 errors:\n  line 3: route.foo: field foo not found in type config.plain\n  line 6: receivers[0].bar: field bar not found in type config.plain',
    );
  });

  test('http_config: bearer_token becomes Bearer authorization; oauth2 needs client_id and token_url', () => {
    const c = parseConfig(MIN + '  webhook_configs: [{url: "http://a/", http_config: {bearer_token: t}}]\n', '/');
    assert.deepEqual(c.receivers[0].webhookConfigs[0].httpConfig.authorization, { type: 'Bearer', credentials: 't', credentialsFile: undefined });
    const issues = issuesOf(MIN + '  webhook_configs: [{url: "http://a/", http_config: {oauth2: {client_secret: s}}}]\n');
    assert.deepEqual(issues.map((i) => i.message), ['oauth2 client_id must be configured', 'oauth2 token_url must be configured']);
  });

  test('receiver labels always carry the receiver name', () => {
    const c = parseConfig('route:\n  receiver: x\nreceivers:\n- name: x\n  labels: {team: a}\n', '/');
    assert.deepEqual(c.receivers[0].labels, { team: 'a', name: 'x' });
  });

  test('loadConfigFile reports a missing file', () => {
    assert.throws(() => loadConfigFile('/nonexistent/alertmanager.yml'), /no such file or directory/);
    assert.equal(readFileSync(fixture('upstream-simple.yml'), 'utf8').length > 0, true);
  });
});

describe('matcher modes (feature flags)', () => {
  const withMatcher = (m: string) => `route:\n  receiver: x\n  group_by: [a.b]\n  routes:\n  - matchers: ['${m}']\nreceivers:\n- name: x\n`;

  test('fallback (default): UTF-8 first, classic-only input loads with a warning', () => {
    const c = parseConfig(withMatcher('foo=bar baz'), '/');
    assert.deepEqual(c.route.routes[0].matchers.map(String), ['foo="bar baz"']);
    assert.equal(c.warnings.length, 1);
    assert.match(c.warnings[0], /route\.routes\[0\]\.matchers\[0\]/);
  });

  test('utf8-strict rejects classic-only input; classic rejects UTF-8 label names in group_by', () => {
    const strict = (() => {
      try {
        parseConfig(withMatcher('foo=bar baz'), '/', undefined, { matcherMode: 'utf8-strict' });
        return [];
      } catch (e) {
        return (e as ConfigError).errors;
      }
    })();
    assert.equal(strict.length, 1);
    assert.equal(strict[0].path, 'route.routes[0].matchers[0]');
    const classic = (() => {
      try {
        parseConfig(withMatcher('foo="bar"'), '/', undefined, { matcherMode: 'classic' });
        return [];
      } catch (e) {
        return (e as ConfigError).errors;
      }
    })();
    assert.deepEqual(classic.map((i) => i.message), ['invalid label name "a.b" in group_by list']);
  });
});
