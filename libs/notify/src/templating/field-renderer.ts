// Renders an integration's templated config fields for one notification. A template that fails is a
// permanent error naming the field (Alertmanager: "failed to template ..."), never retried.
import { TemplateData, TemplateSet } from '../../../template/src';
import { Notification, NotifyError } from '../notifier';
import { notificationTemplateData } from './notification-template-data';

export class FieldRenderer {
  readonly data: TemplateData;

  constructor(private readonly templates: TemplateSet, notification: Notification) {
    this.data = notificationTemplateData(notification);
  }

  /** text/template output; `undefined` stays `undefined`. */
  text(field: string, template: string): string;
  text(field: string, template: string | undefined): string | undefined;
  text(field: string, template: string | undefined): string | undefined {
    if (template === undefined) return undefined;
    return this.run(field, () => this.templates.executeText(template, this.data));
  }

  /** A templated secret (routing key, API key): an error names the field only, never the template. */
  secret(field: string, template: string): string {
    try {
      return this.templates.executeText(template, this.data);
    } catch {
      throw new NotifyError(`failed to template ${field}`, false, 'other');
    }
  }

  /** html/template output (contextual escaping). */
  html(field: string, template: string): string {
    return this.run(field, () => this.templates.executeHtml(template, this.data));
  }

  private run(field: string, render: () => string): string {
    try {
      return render();
    } catch (err) {
      throw new NotifyError(`failed to template ${field}: ${(err as Error).message}`, false, 'other');
    }
  }
}
