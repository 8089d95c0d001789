// The API's alert status (`status` of gettableAlert).

export type AlertApiState = 'unprocessed' | 'active' | 'suppressed';

export interface AlertApiStatus {
  state: AlertApiState;
  silencedBy: string[];
  inhibitedBy: string[];
  /** 0.28+: time interval names muting the alert's group (groups endpoint). */
  mutedBy: string[];
}

/** `suppressed` when silenced, inhibited or time-muted; otherwise `active` (or `unprocessed` if not processed yet). */
export function alertApiStatus(params: {
  silencedBy?: readonly string[];
  inhibitedBy?: readonly string[];
  mutedBy?: readonly string[];
  processed?: boolean;
}): AlertApiStatus {
  const silencedBy = [...(params.silencedBy ?? [])];
  const inhibitedBy = [...(params.inhibitedBy ?? [])];
  const mutedBy = [...(params.mutedBy ?? [])];
  const suppressed = silencedBy.length > 0 || inhibitedBy.length > 0 || mutedBy.length > 0;
  const state: AlertApiState = suppressed ? 'suppressed' : params.processed === false ? 'unprocessed' : 'active';
  return { state, silencedBy, inhibitedBy, mutedBy };
}
