import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TemplateSet } from '../../../template/src';
import { NotifyError } from '../notifier';
import { FieldRenderer } from './field-renderer';

const notification = { receiver: 'r', groupKey: '{}', groupLabels: { alertname: 'A' }, alerts: [], now: 0, reason: 'first notification', externalUrl: 'http://x' };

describe('FieldRenderer', () => {
  const render = new FieldRenderer(TemplateSet.withDefaults(), notification);

  it('a failing template is a permanent error naming the field and the cause', () => {
    assert.throws(() => render.text('PagerDuty class', '{{ template "nope" . }}'), (err: NotifyError) => !err.retryable && /^failed to template PagerDuty class: .*nope/.test(err.message));
  });

  it('a failing secret template never shows the template text', () => {
    assert.throws(() => render.secret('OpsGenie api_key', 'sk-12345{{ template "sk-12345" . }}'), (err: NotifyError) => {
      assert.equal(err.message, 'failed to template OpsGenie api_key');
      assert.equal(err.retryable, false);
      return true;
    });
    assert.equal(render.secret('k', 'key-{{ .GroupLabels.alertname }}'), 'key-A');
  });
});
