// Test helper: seeded random alertmanager.yml texts that mix valid and invalid values of every
// kind the loader checks (durations, label names, matchers, regexes, URLs, time intervals, ...).
// [values 0.25 accepts, values it rejects]
const VALUES = {
  dur: [['5m', '1h30m', '1d', '1w', '1y', '10ms', '01m', '30s'], ['5q', '', '1.5h', '-1m', '1h1h', '0', '0s']],
  label: [['a', 'a_b', '__name__', 'b', 'c'], ['a-b', '', '1a', ':a', 'a:b', '...']],
  matcher: [['a=b', 'a="b"', 'a=~"b.*"', '{a="b"}', 'a="b",c="d"', 'a='], ['a!~"("', 'a', 'a-b="c"', '"a b"="c"', 'a="b" c']],
  regex: [['a.*', '\\\\d+', '[a-z]', '(?i)x', 'a{2,}'], ['(', '(?=a)']],
  url: [['http://a/', 'https://a:8080/x', 'http://[::1]/', 'HTTP://A/'], ['ftp://a', 'http://', 'a/b', '', 'http://a b/']],
  start: [['00:00', '08:00', '12:00'], ['9:00', '12:60', '', '24:00']],
  end: [['12:30', '23:59', '24:00'], ['24:01', '', '00:00']],
  weekday: [['monday', 'Monday:FRIDAY', 'sunday:saturday'], ['friday:monday', 'funday', 'monday:']],
  dom: [['1', '-1', '1:31', '-31:-1', '-3:-1'], ['0', '32', '-5:5', '10:5', '-1:-3', 'x', '1:2:3']],
  month: [['1', 'january', '12', '13', 'may:august', '1:12'], ['december:january', 'smarch']],
  year: [['2020', '2020:2022', '-1'], ['2022:2020', 'x']],
  location: [['UTC', 'Local', 'Europe/Berlin', 'America/New_York', ''], ['Mars/X']],
  smarthost: [['h:25', ':25', '[::1]:25'], ['h', 'h:', 'a:b:c']],
} as const;

const HTTP_CONFIGS = [
  'basic_auth: {username: u, password: p}',
  'authorization: {credentials: c}',
  'authorization: {type: Token, credentials_file: /c}',
  'bearer_token: t',
  'tls_config: {ca_file: /etc/ssl/certs/ca-certificates.crt, server_name: s, insecure_skip_verify: true}',
  'proxy_url: "http://p:3128/"',
  'follow_redirects: false',
  'basic_auth: {username: u, password: p}, authorization: {credentials: c}',
  'oauth2: {client_id: i, client_secret: s, token_url: "http://t/"}',
];

/** mulberry32: a small deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomConfig(seed: number): string {
  const rnd = prng(seed);
  const chance = (p: number) => rnd() < p;
  const one = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const pick = (k: keyof typeof VALUES): string => one(VALUES[k][chance(0.93) ? 0 : 1]);
  const q = (s: string) => JSON.stringify(s);
  const some = (k: keyof typeof VALUES, max: number) => Array.from({ length: Math.floor(rnd() * (max + 1)) }, () => q(pick(k))).join(', ');
  const out: string[] = [];
  if (chance(0.9)) {
    out.push('global:');
    if (chance(0.5)) out.push(`  resolve_timeout: ${q(pick('dur'))}`);
    if (chance(0.95)) out.push(`  smtp_smarthost: ${q(pick('smarthost'))}`);
    if (chance(0.95)) out.push('  smtp_from: a@b');
    if (chance(0.3)) out.push(`  pagerduty_url: ${q(pick('url'))}`);
    if (chance(0.95)) out.push('  opsgenie_api_key: k');
    if (chance(0.3)) out.push(`  opsgenie_api_url: ${q(pick('url'))}`);
  }
  out.push('route:');
  if (chance(0.97)) out.push(`  receiver: ${one(['x', 'x', 'x', 'x', 'y'])}`);
  if (chance(0.3)) out.push(`  group_by: [${some('label', 2)}]`);
  for (const k of ['group_wait', 'group_interval', 'repeat_interval']) if (chance(0.2)) out.push(`  ${k}: ${q(pick('dur'))}`);
  if (chance(0.03)) out.push('  continue: true');
  out.push('  routes:');
  const children = 1 + Math.floor(rnd() * 3);
  for (let i = 0; i < children; i++) {
    out.push(`  - receiver: ${one(['x', 'x', 'x', 'x', 'x', 'x', 'y'])}`);
    if (chance(0.4)) out.push(`    matchers: ['${pick('matcher')}']`);
    if (chance(0.3)) out.push(`    match: {${q(pick('label'))}: v}`);
    if (chance(0.3)) out.push(`    match_re: {a: ${q(pick('regex'))}}`);
    if (chance(0.3)) out.push(`    group_by: [${some('label', 2)}]`);
    for (const k of ['group_wait', 'group_interval', 'repeat_interval']) if (chance(0.2)) out.push(`    ${k}: ${q(pick('dur'))}`);
    if (chance(0.2)) out.push(`    mute_time_intervals: [${one(['t', 't', 't', 't', 't', 't', 'u'])}]`);
  }
  if (chance(0.4)) {
    out.push('inhibit_rules:', `- source_matchers: ['${pick('matcher')}']`);
    if (chance(0.5)) out.push(`  target_match_re: {${q(pick('label'))}: ${q(pick('regex'))}}`);
    if (chance(0.5)) out.push(`  equal: [${q(pick('label'))}]`);
  }
  out.push('receivers:', ...(chance(0.85) ? ['- name: y'] : []), '- name: x');
  const r = rnd();
  if (r < 0.25) {
    out.push('  webhook_configs:', `  - url: ${q(pick('url'))}`);
    if (chance(0.3)) out.push(`    max_alerts: ${one(['0', '5', '7', '-1', 'x'])}`);
    if (chance(0.5)) out.push(`    http_config: {${one(HTTP_CONFIGS)}}`);
  } else if (r < 0.5) {
    out.push('  email_configs:', `  - to: ${one(['a@b', 'a@b', 'a@b', '""'])}`);
    if (chance(0.3)) out.push(`    smarthost: ${q(pick('smarthost'))}`);
    if (chance(0.3)) out.push(`    headers: {${one(['subject: a', 'subject: a, SUBJECT: b', 'x-y: z'])}}`);
    if (chance(0.3)) out.push(`    ${one(['auth_password: p', 'auth_username: u', 'require_tls: false', 'tls_config: {insecure_skip_verify: true}', 'text: t', 'html: h', 'send_resolved: true'])}`);
  } else if (r < 0.7) {
    if (chance(0.5)) out.push('  opsgenie_configs:', `  - ${one(['details: {a: b}', 'tags: "a,b"', 'priority: P1', 'update_alerts: true', 'message: m', 'api_url: "https://og/"'])}`, `    http_config: {${one(HTTP_CONFIGS)}}`);
    else out.push('  opsgenie_configs:', `  - responders: [{${one(['name: a, type: team', 'id: a, type: TEAM', 'username: u, type: "{{ .x }}"', 'name: a, type: teams', 'type: user', 'name: a, type: bogus'])}}]`);
  } else if (r < 0.85) {
    out.push('  pagerduty_configs:', `  - ${one(['routing_key: k', 'service_key: k', 'routing_key: k', 'url: http://a/', `routing_key: k\n    url: ${q(pick('url'))}`])}`);
    if (chance(0.5)) out.push(`    ${one(['details: {a: b, firing: f}', 'images: [{src: "http://i/", alt: a}]', 'links: [{href: "http://l/", text: t}]', 'severity: critical', 'client: c', 'class: k'])}`);
  }
  if (chance(0.85)) {
    const spec: string[] = [];
    if (chance(0.5)) spec.push(`times: [{start_time: ${q(pick('start'))}, end_time: ${q(pick('end'))}}]`);
    if (chance(0.5)) spec.push(`weekdays: [${q(pick('weekday'))}]`);
    if (chance(0.5)) spec.push(`days_of_month: [${q(pick('dom'))}]`);
    if (chance(0.5)) spec.push(`months: [${q(pick('month'))}]`);
    if (chance(0.4)) spec.push(`years: [${q(pick('year'))}]`);
    if (chance(0.4)) spec.push(`location: ${q(pick('location'))}`);
    out.push('time_intervals:', '- name: t', '  time_intervals:', `  - {${spec.join(', ')}}`);
  }
  return out.join('\n') + '\n';
}
