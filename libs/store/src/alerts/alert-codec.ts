// Stored alerts are kept as the JSON of `StoredAlert` (times in Unix milliseconds).
import type { StoredAlert } from '../../../dispatch/src';

export function encodeAlert(alert: StoredAlert): string {
  return JSON.stringify(alert);
}

export function decodeAlert(text: string): StoredAlert {
  return JSON.parse(text) as StoredAlert;
}
