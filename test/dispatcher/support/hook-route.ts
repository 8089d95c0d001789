// The one-route config of the tests of deliveries sent by the flushing process, and its nflog entry.
import type Redis from 'ioredis';
import { nflogKey } from '../../../libs/dispatch/src';
import { NFLOG_KEY } from '../../../libs/store/src/dispatch';

/** Every alert to receiver `hook`'s webhook at `url`, grouped by alertname, first flushed after 200 ms. */
export const hookRouteConfig = (url: string) => `
route:
  receiver: hook
  group_by: [alertname]
  group_wait: 200ms
  group_interval: 1m
  repeat_interval: 1h
receivers:
- name: hook
  webhook_configs: [{url: '${url}'}]
`;

/** The nflog entry of the group `alertname` at hook's webhook, if written. */
export async function hookNflogEntry(redis: Redis, alertname: string): Promise<{ jobId?: string } | undefined> {
  const raw = await redis.hget(NFLOG_KEY, nflogKey(`{}:{alertname="${alertname}"}`, 'hook', 'webhook', 0));
  return raw ? (JSON.parse(raw) as { jobId?: string }) : undefined;
}
