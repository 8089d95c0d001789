// Functions added to Alertmanager after 0.25 (so absent from the amtool corpus), tested from
// Go's documented behaviour.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { TemplateSet } from './index';
import { sampleData } from './test-fixtures';

const clock = () => new Date('2026-11-24T02:45:37.052Z');
const set = TemplateSet.empty({ now: clock });
const render = (text: string) => set.executeText(text, sampleData());

describe('string functions', () => {
  test('trimSpace trims Unicode white space at both ends', () => {
    assert.equal(render('[{{ trimSpace "  \\t a b \\n\\u00a0" }}]'), '[a b]');
  });
  test('urlUnescape decodes %XX and +, and reports bad escapes', () => {
    assert.equal(render('{{ urlUnescape "a%20b+c%2Fd" }}'), 'a b c/d');
    assert.throws(() => render('{{ urlUnescape "%zz" }}'), /error calling urlUnescape: invalid URL escape "%zz"/);
  });
  test('base64encode and base64decode', () => {
    assert.equal(render('{{ base64encode "héllo" }}'), 'aMOpbGxv');
    assert.equal(render('{{ base64decode "aMOpbGxv" }}'), 'héllo');
    assert.throws(() => render('{{ base64decode "a$b=" }}'), /illegal base64 data at input byte 1/);
  });
});

describe('time functions', () => {
  test('date formats with a Go layout', () => {
    assert.equal(render('{{ date "2006-01-02 15:04:05.000 MST" (index .Alerts 0).StartsAt }}'), '2026-11-24 01:45:37.052 UTC');
    assert.equal(render('{{ (index .Alerts 0).StartsAt | date "Mon Jan _2 3:04PM" }}'), 'Tue Nov 24 1:45AM');
  });
  test('tz moves a time into a named zone', () => {
    assert.equal(render('{{ (index .Alerts 0).StartsAt | tz "Europe/Paris" }}'), '2026-11-24 02:45:37.052 +0100 CET');
    assert.equal(render('{{ (index .Alerts 0).StartsAt | tz "America/New_York" | date "15:04 MST" }}'), '20:45 EST');
    assert.throws(() => render('{{ tz "Nowhere/Land" (index .Alerts 0).StartsAt }}'), /error calling tz: unknown time zone Nowhere\/Land/);
  });
  test('time methods: Add, Before, After, Equal', () => {
    assert.equal(render('{{ (index .Alerts 0).StartsAt.Add 1500000000 }}'), '2026-11-24 01:45:38.552 +0000 UTC');
    assert.equal(render('{{ $t := (index .Alerts 0).StartsAt }}{{ ($t.Add (since $t)) }}'), '2026-11-24 02:45:37.052 +0000 UTC');
    assert.equal(render('{{ $t := (index .Alerts 0).StartsAt }}{{ $t.Before now }} {{ $t.After now }} {{ $t.Equal $t }}'), 'true false true');
    // Going back across the daylight-saving change re-resolves the zone offset (CET to CEST).
    assert.equal(render('{{ ((index .Alerts 0).StartsAt | tz "Europe/Paris").Add -20000000000000000 }}'), '2026-04-06 16:12:17.052 +0200 CEST');
  });

  test('since is the duration from a time to now', () => {
    assert.equal(render('{{ since (index .Alerts 0).StartsAt }}'), '1h0m0s');
    assert.equal(render('{{ (since (index .Alerts 0).StartsAt).Minutes }}'), '60');
  });
  test('now is the current time', () => {
    assert.equal(render('{{ now }}'), '2026-11-24 02:45:37.052 +0000 UTC');
  });
  test('humanizeDuration turns seconds into a readable duration', () => {
    assert.equal(render('{{ humanizeDuration 0 }}|{{ humanizeDuration 1.5 }}|{{ humanizeDuration 61 }}|{{ humanizeDuration 3725 }}|{{ humanizeDuration 90061 }}'), '0s|1.5s|1m 1s|1h 2m 5s|1d 1h 1m 1s');
    assert.equal(render('{{ humanizeDuration 0.0012 }}|{{ humanizeDuration -75 }}|{{ humanizeDuration "45.25" }}'), '1.2ms|-1m 15s|45.25s');
    assert.equal(render('{{ humanizeDuration (since (index .Alerts 0).StartsAt) }}'), '1h 0m 0s');
    assert.throws(() => render('{{ humanizeDuration "soon" }}'), /error calling humanizeDuration: strconv.ParseFloat: parsing "soon": invalid syntax/);
  });
});

describe('data functions', () => {
  test('toJson encodes like encoding/json: sorted keys, HTML-safe strings, RFC 3339 times', () => {
    assert.equal(render('{{ toJson .GroupLabels }}'), '{"alertname":"HighLatency","service":"api"}');
    assert.equal(render('{{ toJson "a<b>&c" }}'), '"a\\u003cb\\u003e\\u0026c"');
    assert.equal(render('{{ toJson (index .Alerts 0).StartsAt }}'), '"2026-11-24T01:45:37.052Z"');
    assert.equal(render('{{ toJson (list 1 2.5 true nil "x") }}'), '[1,2.5,true,null,"x"]');
    assert.match(render('{{ toJson (index .Alerts 0) }}'), /^\{"status":"firing","labels":\{"alertname":"HighLatency",.*"fingerprint":"d9f2464086155b19"\}$/);
  });
  test('list and append build lists', () => {
    assert.equal(render('{{ $l := list "a" "b" }}{{ $l = append $l "c" }}{{ len $l }} {{ index $l 2 }} {{ $l }}'), '3 c [a b c]');
  });
  test('dict builds a map whose missing keys print <no value>', () => {
    assert.equal(render('{{ $d := dict "b" 2 "a" "x" }}{{ $d.a }} {{ index $d "b" }} {{ $d }} {{ $d.zz }}'), 'x 2 map[a:x b:2] <no value>');
    assert.throws(() => render('{{ dict "a" }}'), /dict requires an even number of arguments/);
    assert.throws(() => render('{{ dict 1 2 }}'), /dict keys must be strings/);
  });
  test('dict values can be passed to templates', () => {
    assert.equal(render('{{ define "card" }}{{ .Title }}: {{ .Count }}{{ end }}{{ template "card" dict "Title" "Firing" "Count" (len .Alerts) }}'), 'Firing: 2');
  });
});

describe('html functions', () => {
  test('safeUrl marks a URL as trusted in html templates', () => {
    assert.equal(set.executeHtml('<a href="{{ "javascript:x()" }}">', sampleData()), '<a href="#ZgotmplZ">');
    assert.equal(set.executeHtml('<a href="{{ safeUrl "javascript:x()" }}">', sampleData()), '<a href="javascript:x%28%29">');
  });
  test('safeHtml is not escaped in text but is stripped of tags in attributes', () => {
    assert.equal(set.executeHtml('<p title="{{ safeHtml "<b>x</b>" }}">{{ safeHtml "<b>x</b>" }}</p>', sampleData()), '<p title="x"><b>x</b></p>');
  });
});
