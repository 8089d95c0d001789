import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { TemplateSet, buildTemplateData, quoteMeta, templateDataFromJson } from './index';
import { firingAlert, sampleData } from './test-fixtures';

const set = TemplateSet.empty();
const render = (text: string, data = sampleData()) => set.executeText(text, data);

describe('buildTemplateData', () => {
  test('escapes the receiver with regexp.QuoteMeta semantics', () => {
    assert.equal(quoteMeta('team-x.y'), 'team-x\\.y');
    assert.equal(quoteMeta('a+b*c?(d)|[e]{f}^$\\'), 'a\\+b\\*c\\?\\(d\\)\\|\\[e\\]\\{f\\}\\^\\$\\\\');
    assert.equal(render('{{ .Receiver }}'), 'team-x\\.y');
  });

  test('status is firing when any alert fires, resolved otherwise', () => {
    assert.equal(render('{{ .Status }}'), 'firing');
    const resolved = sampleData([firingAlert({ status: 'resolved' })]);
    assert.equal(render('{{ .Status }}', resolved), 'resolved');
    const mixed = sampleData([firingAlert({ status: 'resolved' }), firingAlert()]);
    assert.equal(render('{{ .Status }} {{ len .Alerts.Firing }}/{{ len .Alerts.Resolved }}', mixed), 'firing 1/1');
  });

  test('common labels and annotations are the pairs every alert shares', () => {
    const data = sampleData([
      firingAlert({ labels: { alertname: 'A', env: 'prod', zone: 'a' }, annotations: { summary: 's', x: '1' } }),
      firingAlert({ labels: { alertname: 'A', env: 'prod', zone: 'b' }, annotations: { summary: 's', x: '2' } }),
    ]);
    assert.equal(render('{{ .CommonLabels.Names }} {{ .CommonAnnotations.Names }}', data), '[alertname env] [summary]');
  });

  test('firing alerts expose the zero time as EndsAt, resolved ones their end', () => {
    const data = sampleData([firingAlert(), firingAlert({ status: 'resolved' })]);
    assert.equal(
      render('{{ range .Alerts }}{{ .EndsAt }}|{{ end }}', data),
      '0001-01-01 00:00:00 +0000 UTC|2026-11-24 02:45:37 +0000 UTC|',
    );
  });

  test('times print as Go prints a time.Time', () => {
    assert.equal(render('{{ (index .Alerts 0).StartsAt }}'), '2026-11-24 01:45:37.052 +0000 UTC');
  });

  test('RFC 3339 strings keep nanoseconds and zones', () => {
    const data = sampleData([firingAlert({ startsAt: '2026-11-24T01:45:37.052889904Z' }), firingAlert({ status: 'resolved', endsAt: '2026-11-24T03:00:00.5+01:00' })]);
    assert.equal(render('{{ range .Alerts }}{{ .StartsAt.Format "05.000000000" }} {{ .EndsAt }}|{{ end }}', data).split('|')[0], '37.052889904 0001-01-01 00:00:00 +0000 UTC');
    assert.equal(render('{{ (index .Alerts 1).EndsAt }}', data), '2026-11-24 03:00:00.5 +0100 +0100');
  });

  test('per-alert fields', () => {
    assert.equal(
      render('{{ with index .Alerts 0 }}{{ .Status }} {{ .Fingerprint }} {{ .GeneratorURL }} {{ .Labels.env }} {{ .Annotations.summary }}{{ end }}'),
      'firing d9f2464086155b19 http://prometheus.example/graph?g0.expr=up prod p99 above 1s',
    );
  });

  test('notificationReason appears only when given', () => {
    const withReason = buildTemplateData({ receiver: 'r', groupLabels: {}, alerts: [], externalURL: '', notificationReason: 'repeat' });
    assert.equal(render('{{ .NotificationReason }}', withReason), 'repeat');
    assert.throws(() => render('{{ .NotificationReason }}'), /can't evaluate field NotificationReason/);
  });
});

describe('KV and Pairs', () => {
  test('SortedPairs puts alertname first, then byte order', () => {
    const data = sampleData([firingAlert({ labels: { b: '2', alertname: 'X', a: '1', B: '3' } })]);
    assert.equal(render('{{ range (index .Alerts 0).Labels.SortedPairs }}{{ .Name }},{{ end }}', data), 'alertname,B,a,b,');
  });

  test('Remove drops the given keys and keeps the rest', () => {
    assert.equal(render('{{ (.CommonLabels.Remove .GroupLabels.Names).Values }}'), '[prod critical]');
  });

  test('KV and Pairs print through their String methods (newer Alertmanager)', () => {
    assert.equal(render('{{ .GroupLabels }}'), 'alertname=HighLatency, service=api');
    assert.equal(render('{{ .GroupLabels.SortedPairs }}'), 'alertname=HighLatency, service=api');
    const legacy = templateDataFromJson({ groupLabels: { b: '2', a: '1' } }, { kvStringMethods: false });
    assert.equal(set.executeText('{{ .GroupLabels }}', legacy), 'map[a:1 b:2]');
  });

  test('a missing key is the empty string (missingkey=zero on map[string]string)', () => {
    assert.equal(render('[{{ .CommonLabels.nope }}][{{ index .CommonLabels "nope" }}]'), '[][]');
  });
});

describe('templateDataFromJson', () => {
  test('matches field names case-insensitively like encoding/json and keeps values as given', () => {
    const data = templateDataFromJson({ Receiver: 'r', STATUS: 'weird', commonLabels: { a: 'b' } });
    assert.equal(set.executeText('{{ .Receiver }} {{ .Status }} {{ .CommonLabels.a }} {{ len .Alerts }}', data), 'r weird b 0');
  });

  test('rejects non-string label values', () => {
    assert.throws(() => templateDataFromJson({ commonLabels: { a: 1 } }), /cannot unmarshal number/);
  });

  test('parses RFC 3339 times with offsets', () => {
    const data = templateDataFromJson({ alerts: [{ startsAt: '2026-03-01T12:00:00.5+02:00' }] });
    assert.equal(set.executeText('{{ (index .Alerts 0).StartsAt }}', data), '2026-03-01 12:00:00.5 +0200 +0200');
  });
});
