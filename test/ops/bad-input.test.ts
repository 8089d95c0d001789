import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { KlaxonProcess } from '../support/klaxon-process';

// Bad input, tried deliberately. Each case gets a clear error (in Alertmanager's format where it
// has one), nothing of it is stored, and Klaxon stays responsive.

let k: KlaxonProcess;
const api = (path: string) => `${k.baseUrl}/api/v2${path}`;

before(async () => {
  k = await KlaxonProcess.start({
    config: 'route:\n  receiver: b\n  group_wait: 1h\nreceivers:\n  - name: b\n',
    args: ['--alerts.max-body-bytes=1048576', '--alerts.max-per-request=100', '--alerts.max-labels=20', '--alerts.max-label-bytes=1024'],
  });
});
after(async () => k?.cleanup());

async function postAlerts(body: string | Buffer, contentType = 'application/json') {
  const r = await fetch(api('/alerts'), { method: 'POST', headers: { 'Content-Type': contentType }, body });
  return { status: r.status, text: await r.text() };
}

async function storedCount(): Promise<number> {
  return ((await (await fetch(api('/alerts'))).json()) as unknown[]).length;
}

/** Klaxon answers a health check quickly after the bad request. */
async function assertResponsive(): Promise<void> {
  const started = Date.now();
  assert.equal((await fetch(`${k.baseUrl}/-/healthy`)).status, 200);
  assert.ok(Date.now() - started < 1000, 'still responsive');
}

describe('POST /api/v2/alerts refuses bad bodies and stores nothing', () => {
  const cases: [string, () => Promise<{ status: number; text: string }>, number, RegExp][] = [
    ['malformed JSON', () => postAlerts('[{"labels":'), 400, /^\{"code":400,"message":"parsing alerts body from \\"\\" failed, because unexpected end of JSON input"\}$/],
    ['not an array', () => postAlerts('{"labels":{"a":"b"}}'), 400, /cannot unmarshal object into Go value of type models\.PostableAlerts/],
    ['deeply nested arrays', () => postAlerts('['.repeat(200_000) + ']'.repeat(200_000)), 400, /parsing alerts body from \\"\\" failed/],
    ['labels of the wrong type', () => postAlerts('[{"labels":"x"}]'), 400, /cannot unmarshal string into Go struct field .*labels of type models\.LabelSet/],
    ['a label value that is a number', () => postAlerts('[{"labels":{"a":1}}]'), 400, /cannot unmarshal number into Go struct field .*labels of type string/],
    ['a timestamp that is not a time', () => postAlerts('[{"labels":{"a":"b"},"startsAt":"yesterday"}]'), 400, /parsing time \\"yesterday\\"/],
    ['invalid UTF-8', () => postAlerts(Buffer.from([0x5b, 0x7b, 0x22, 0x6c, 0x61, 0x62, 0x65, 0x6c, 0x73, 0x22, 0x3a, 0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d, 0x7d, 0x5d])), 400, /the body is not valid UTF-8/],
    ['a body over --alerts.max-body-bytes', () => postAlerts(JSON.stringify([{ labels: { a: 'x'.repeat(2_000_000) } }])), 413, /^\{"code":413,"message":"request body is larger than the limit of 1048576 bytes"\}$/],
    ['more alerts than --alerts.max-per-request', () => postAlerts(JSON.stringify(Array.from({ length: 101 }, (_, i) => ({ labels: { alertname: `n${i}` } })))), 400, /too many alerts in one request: 101 \(the limit is 100/],
    ['a form body', () => postAlerts('a=b', 'application/x-www-form-urlencoded'), 415, /unsupported media type/],
    ['an absurd start time (year 9999, after its end)', () => postAlerts('[{"labels":{"a":"b"},"startsAt":"9999-01-01T00:00:00Z"}]'), 400, /^"start time must be before end time"\n$/],
    ['an end before the start', () => postAlerts('[{"labels":{"a":"b"},"startsAt":"2026-01-02T00:00:00Z","endsAt":"2026-01-01T00:00:00Z"}]'), 400, /start time must be before end time/],
    ['no labels', () => postAlerts('[{"labels":{}}]'), 400, /at least one label pair required/],
  ];
  for (const [name, send, status, message] of cases) {
    test(name, async () => {
      const r = await send();
      assert.equal(r.status, status, r.text);
      assert.match(r.text, message);
      assert.equal(await storedCount(), 0, 'nothing stored');
      await assertResponsive();
    });
  }
});

describe('alerts over the label limits are rejected one by one; the others are stored', () => {
  test('too many labels and an oversized label', async () => {
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`l${i}`, 'v']));
    const r = await postAlerts(JSON.stringify([{ labels: many }, { labels: { alertname: 'big', v: 'x'.repeat(2000) } }, { labels: { alertname: 'fine' } }]));
    assert.equal(r.status, 400);
    assert.match(r.text, /too many labels: 21 \(the limit is 20, --alerts\.max-labels\)/);
    assert.match(r.text, /label \\"v\\" is 2001 bytes long/);
    const stored = (await (await fetch(api('/alerts'))).json()) as { labels: Record<string, string> }[];
    assert.deepEqual(stored.map((a) => a.labels.alertname), ['fine']);
  });

  test('unknown fields are ignored, as by Alertmanager', async () => {
    const r = await postAlerts('[{"labels":{"alertname":"extra"},"nonsense":{"deep":[1,2,3]}}]');
    assert.equal(r.status, 200);
  });
});

describe('hostile regular expressions run in linear time', () => {
  test('a catastrophic pattern in a filter and in the receiver parameter', async () => {
    const long = 'a'.repeat(10_000) + '!';
    assert.equal((await postAlerts(JSON.stringify([{ labels: { alertname: 'redos', v: long.slice(0, 1000) } }]))).status, 200);
    for (const query of [`filter=${encodeURIComponent('v=~"(a+)+$"')}`, `filter=${encodeURIComponent('v=~"(a|a)*(a|a)*(a|a)*b"')}`, `receiver=${encodeURIComponent('(b+)+$')}`]) {
      const started = Date.now();
      const r = await fetch(api(`/alerts?${query}`));
      assert.equal(r.status, 200);
      assert.ok(Date.now() - started < 1000, `${query} answered in linear time`);
    }
  });

  test('a catastrophic pattern in a silence is stored and matched in linear time; a pattern RE2 rejects is a 400', async () => {
    const now = Date.now();
    const silence = (value: string) =>
      fetch(api('/silences'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          matchers: [{ name: 'v', value, isRegex: true }],
          startsAt: new Date(now).toISOString(),
          endsAt: new Date(now + 60_000).toISOString(),
          createdBy: 't',
          comment: 'c',
        }),
      });
    assert.equal((await silence('(a+)+$')).status, 200);
    const started = Date.now();
    const alerts = (await (await fetch(api('/alerts?silenced=true'))).json()) as unknown[];
    assert.ok(Date.now() - started < 1000);
    assert.ok(alerts.length >= 1);
    const lookaround = await silence('(?=a)a');
    assert.equal(lookaround.status, 400);
    assert.match(await lookaround.text(), /invalid|error parsing regexp/);
  });
});

describe('silences with bad times', () => {
  const post = (body: object) => fetch(api('/silences'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const base = { matchers: [{ name: 'a', value: 'b', isRegex: false }], createdBy: 't', comment: 'c' };

  test('an end in the past, an end before the start, and a time that is not a time', async () => {
    const before = ((await (await fetch(api('/silences'))).json()) as unknown[]).length;
    const past = await post({ ...base, startsAt: '2020-01-01T00:00:00Z', endsAt: '2020-01-02T00:00:00Z' });
    assert.equal(past.status, 400);
    assert.equal(await past.text(), '"Failed to create silence: end time can\'t be in the past"\n');
    const reversed = await post({ ...base, startsAt: '2099-01-02T00:00:00Z', endsAt: '2099-01-01T00:00:00Z' });
    assert.equal(reversed.status, 400);
    assert.equal(await reversed.text(), '"Failed to create silence: start time must be before end time"\n');
    const garbage = await post({ ...base, startsAt: 'soon', endsAt: 'later' });
    assert.ok(garbage.status === 400 || garbage.status === 422);
    assert.equal(((await (await fetch(api('/silences'))).json()) as unknown[]).length, before, 'nothing stored');
  });
});
