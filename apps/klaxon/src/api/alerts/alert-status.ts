// The API's view of one alert at query time: where it routes and what mutes it.
import type { Route, StoredAlert } from '../../../../../libs/dispatch/src';

export type AlertState = 'unprocessed' | 'active' | 'suppressed';

export interface AlertStatus {
  inhibitedBy: string[];
  mutedBy: string[];
  silencedBy: string[];
  state: AlertState;
}

export interface EvaluatedAlert {
  alert: StoredAlert;
  /** The routes it lands in, in routing order (receivers may repeat). */
  routes: Route[];
  silencedBy: string[];
  inhibitedBy: string[];
}

export function alertStatus(e: EvaluatedAlert, mutedBy: string[] = []): AlertStatus {
  const suppressed = e.silencedBy.length > 0 || e.inhibitedBy.length > 0 || mutedBy.length > 0;
  return { inhibitedBy: e.inhibitedBy, mutedBy, silencedBy: e.silencedBy, state: suppressed ? 'suppressed' : 'active' };
}
