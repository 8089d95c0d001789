// Query parameters of GET /api/klaxon/v1/notifications, checked: receiver, integration, outcome,
// group_label=name=value (repeatable), since/until (RFC 3339 or Unix ms), limit (1–1000, default
// 100), cursor (the previous page's nextCursor).
import type { DeliveryQuery } from '../../../../libs/store/src';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

export class HistoryQueryError extends Error {}

type RawQuery = Record<string, string | string[] | undefined>;

export function parseHistoryQuery(params: RawQuery): DeliveryQuery {
  const one = (name: string): string | undefined => {
    const v = params[name];
    if (Array.isArray(v)) {
      if (v.length > 1) throw new HistoryQueryError(`${name} may be given once`);
      return v[0];
    }
    return v;
  };
  const query: DeliveryQuery = { limit: DEFAULT_PAGE_SIZE };
  const receiver = one('receiver');
  if (receiver) query.receiver = receiver;
  const integration = one('integration');
  if (integration) query.integration = integration;
  const outcome = one('outcome');
  if (outcome) {
    if (outcome !== 'delivered' && outcome !== 'failed') throw new HistoryQueryError('outcome must be delivered or failed');
    query.outcome = outcome;
  }
  const labels = ([] as string[]).concat(params.group_label ?? []);
  if (labels.length > 0) {
    query.groupLabels = {};
    for (const pair of labels) {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new HistoryQueryError(`group_label must be name=value, got ${JSON.stringify(pair)}`);
      query.groupLabels[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
  }
  const since = one('since');
  if (since) query.since = parseTime('since', since);
  const until = one('until');
  if (until) query.until = parseTime('until', until);
  const limit = one('limit');
  if (limit !== undefined) {
    if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > MAX_PAGE_SIZE) throw new HistoryQueryError(`limit must be between 1 and ${MAX_PAGE_SIZE}`);
    query.limit = Number(limit);
  }
  const cursor = one('cursor');
  if (cursor) {
    if (!/^\d+-\d+$/.test(cursor)) throw new HistoryQueryError('cursor is not one this API returned');
    query.cursor = cursor;
  }
  return query;
}

function parseTime(name: string, value: string): number {
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(ms)) throw new HistoryQueryError(`${name} must be an RFC 3339 time or Unix milliseconds`);
  return ms;
}
