import type { StoredAlert } from '../../../../../libs/dispatch/src';

/** Klaxon's limits on what one POST /api/v2/alerts may carry (flags `--alerts.max-*`; 0 = none). */
export interface AlertLimits {
  readonly maxPerRequest: number;
  readonly maxLabels: number;
  readonly maxLabelBytes: number;
}

/** A whole request over the alert count limit is refused before anything is stored. */
export function requestLimitError(count: number, limits: AlertLimits): string | undefined {
  if (limits.maxPerRequest > 0 && count > limits.maxPerRequest) {
    return `too many alerts in one request: ${count} (the limit is ${limits.maxPerRequest}, --alerts.max-per-request)`;
  }
  return undefined;
}

/** An alert over a label limit is rejected like any invalid alert (the others are still stored). */
export function alertLimitError(alert: StoredAlert, limits: AlertLimits): string | undefined {
  const names = Object.keys(alert.labels);
  if (limits.maxLabels > 0 && names.length > limits.maxLabels) {
    return `too many labels: ${names.length} (the limit is ${limits.maxLabels}, --alerts.max-labels)`;
  }
  if (limits.maxLabelBytes > 0) {
    for (const name of names) {
      const bytes = Buffer.byteLength(name) + Buffer.byteLength(alert.labels[name]);
      if (bytes > limits.maxLabelBytes) {
        return `label ${JSON.stringify(name.length > 64 ? name.slice(0, 64) + '…' : name)} is ${bytes} bytes long (the limit for a label's name and value is ${limits.maxLabelBytes}, --alerts.max-label-bytes)`;
      }
    }
  }
  return undefined;
}
