import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { TemplateSet, buildTemplateData } from './index';
import { firingAlert, sampleData } from './test-fixtures';

const set = TemplateSet.withDefaults();
const field = (name: string, data = sampleData()) => set.executeText(`{{ template "${name}" . }}`, data);

describe('default templates', () => {
  test('define every field Alertmanager fills by default, under its names', () => {
    for (const name of [
      '__subject', '__alertmanagerURL', '__alertmanager', '__text_alert_list', '__description',
      'email.default.subject', 'email.default.html', 'email.default.text',
      'pagerduty.default.description', 'pagerduty.default.client', 'pagerduty.default.clientURL', 'pagerduty.default.instances',
      'opsgenie.default.message', 'opsgenie.default.description', 'opsgenie.default.source',
      'slack.default.title', 'slack.default.text', 'slack.default.titlelink', 'slack.default.fallback',
      'wechat.default.message', 'victorops.default.state_message', 'pushover.default.message', 'sns.default.message',
      'telegram.default.message', 'discord.default.message', 'webex.default.message',
      'msteams.default.text', 'msteamsv2.default.text', 'jira.default.priority', 'rocketchat.default.title',
    ]) {
      assert.ok(set.has(name), name);
    }
  });

  test('subject: status, firing count, group label values, then the other common values', () => {
    assert.equal(field('__subject'), '[FIRING:2] HighLatency api (prod critical)');
    assert.equal(field('email.default.subject'), '[FIRING:2] HighLatency api (prod critical)');
    const resolved = buildTemplateData({
      receiver: 'r', groupLabels: { alertname: 'Other' }, externalURL: '',
      alerts: [firingAlert({ status: 'resolved', labels: { alertname: 'Other', severity: 'warning' } })],
    });
    assert.equal(field('__subject', resolved), '[RESOLVED] Other (warning)');
    const allGrouped = buildTemplateData({
      receiver: 'r', groupLabels: { alertname: 'Other' }, externalURL: '',
      alerts: [firingAlert({ labels: { alertname: 'Other' } })],
    });
    assert.equal(field('__subject', allGrouped), '[FIRING:1] Other ');
  });

  test('the Alertmanager link carries the escaped receiver', () => {
    assert.equal(field('__alertmanagerURL'), 'http://am.example:9093/#/alerts?receiver=team-x%5C.y');
    assert.equal(field('pagerduty.default.clientURL'), field('__alertmanagerURL'));
    assert.equal(field('opsgenie.default.source'), field('__alertmanagerURL'));
    assert.equal(field('pagerduty.default.client'), 'Alertmanager');
  });

  test('opsgenie description lists firing alerts with labels, annotations and source', () => {
    const data = sampleData([firingAlert({ labels: { alertname: 'Other', severity: 'warning' }, annotations: {}, generatorURL: '' })]);
    assert.equal(field('opsgenie.default.description', data), '\nAlerts Firing:\nLabels:\n - alertname = Other\n - severity = warning\nAnnotations:\nSource: \n\n');
  });

  test('jira priority: the highest severity of firing alerts, else of resolved ones', () => {
    const withSeverities = (...alerts: Array<['firing' | 'resolved', string]>) =>
      sampleData(alerts.map(([status, severity]) => firingAlert({ status, labels: { alertname: 'A', severity } })));
    assert.equal(field('jira.default.priority', withSeverities(['firing', 'info'], ['firing', 'warning'])), 'Medium');
    assert.equal(field('jira.default.priority', withSeverities(['firing', 'warning'], ['firing', 'critical'], ['firing', 'info'])), 'High');
    assert.equal(field('jira.default.priority', withSeverities(['firing', 'info'], ['resolved', 'critical'])), 'Low');
    assert.equal(field('jira.default.priority', withSeverities(['firing', 'none'], ['resolved', 'warning'])), 'Medium');
    assert.equal(field('jira.default.priority', withSeverities(['firing', 'none'])), '');
  });

  test('teams and jira texts list alerts as Markdown under headings', () => {
    const data = sampleData([firingAlert({ labels: { alertname: 'A' }, annotations: { summary: 's' }, generatorURL: 'http://g' })]);
    const expected = '\n\n# Alerts Firing:\n\nLabels:\n  - alertname = A\n\nAnnotations:\n  - summary = s\n\nSource: http://g\n\n\n\n\n';
    assert.equal(field('msteams.default.text', data), expected);
    assert.equal(field('jira.default.description', data), expected);
  });

  test('user files can override a default and still call the others', () => {
    const custom = set.clone();
    custom.addFile('mine.tmpl', '{{ define "__subject" }}custom {{ template "__alertmanager" . }}{{ end }}');
    assert.equal(custom.executeText('{{ template "email.default.subject" . }}', sampleData()), 'custom Alertmanager');
    assert.equal(field('email.default.subject'), '[FIRING:2] HighLatency api (prod critical)');
  });
});

describe('default HTML email', () => {
  const hostile = buildTemplateData({
    receiver: 'ops',
    groupLabels: { alertname: 'XSS' },
    externalURL: 'http://am.example:9093',
    alerts: [
      firingAlert({
        labels: { alertname: 'XSS', job: '<script>alert(1)</script>' },
        annotations: { summary: 'a & b <i>c</i>' },
        generatorURL: 'javascript:alert(1)',
      }),
      firingAlert({ status: 'resolved', labels: { alertname: 'XSS', job: 'ok' }, annotations: {} }),
    ],
  });
  const html = set.executeHtml('{{ template "email.default.html" . }}', hostile);

  test('escapes label and annotation values and filters unsafe links', () => {
    assert.ok(!html.includes('<script>alert(1)</script>'));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(html.includes('a &amp; b &lt;i&gt;c&lt;/i&gt;'));
    assert.ok(html.includes('href="#ZgotmplZ"'));
  });

  test('shows the group labels, both sections, and the Alertmanager link', () => {
    assert.ok(html.startsWith('<!DOCTYPE html>'));
    assert.match(html, /alertname=XSS/);
    assert.match(html, />1 alert firing, 1 resolved</);
    assert.match(html, />Firing</);
    assert.match(html, />Resolved</);
    assert.match(html, /href="http:\/\/am\.example:9093\/#\/alerts\?receiver=ops"/);
  });

  test('uses inline styles only: no external assets, no <style> or <link>', () => {
    assert.doesNotMatch(html, /<link|<style|<script|src=/);
  });

  test('plain-text body lists the alerts and the link', () => {
    const text = set.executeText('{{ template "email.default.text" . }}', hostile);
    assert.ok(text.startsWith('[FIRING:1] XSS \n\nFiring:\nLabels:\n - alertname = XSS\n - job = <script>alert(1)</script>\n'));
    assert.match(text, /Resolved:\nLabels:\n - alertname = XSS\n - job = ok\n/);
    assert.ok(text.endsWith('View in Alertmanager: http://am.example:9093/#/alerts?receiver=ops\n'));
  });
});
