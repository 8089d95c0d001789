// Test-only: the routing tree, inhibit rules and alerts of the 0.25 capture in
// notifications.json (scripts/vectors/dispatch-notifications.mjs), rebuilt as dispatch inputs.
import { parseMatchers } from '../../../core/src';
import type { RouteDefinition } from '../route-tree';
import type { InhibitRule } from '../inhibition';
import type { StoredAlert } from '../alert';
import { normalizePostedAlert } from '../normalize-alert';
import captureJson from './notifications.json';

interface PostedJson {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt: string;
  endsAt?: string;
  generatorURL?: string;
}

export interface Capture {
  source: string;
  config: string;
  posted: PostedJson[];
  resolvedLater: { labels: Record<string, string>; endsAt: string }[];
  notifications: CapturedNotification[];
  groups: { labels: Record<string, string>; receiver: { name: string }; alerts: { fingerprint: string }[] }[];
  alerts: {
    labels: Record<string, string>;
    fingerprint: string;
    status: { inhibitedBy: string[]; silencedBy: string[]; state: string };
    receivers: { name: string }[];
  }[];
}

export const capture = captureJson as unknown as Capture;

export interface CapturedNotification {
  receiver: string;
  body: string;
}

function route(partial: Partial<RouteDefinition>, matchers = ''): RouteDefinition {
  return {
    continue: false,
    matchers: matchers ? parseMatchers(matchers) : [],
    muteTimeIntervals: [],
    activeTimeIntervals: [],
    routes: [],
    ...partial,
  };
}

/** The `route:` section of capture.config, written out by hand. */
export function captureRoute(): RouteDefinition {
  return route({
    receiver: 'team-x.y',
    groupBy: ['alertname'],
    groupWait: 1000,
    groupInterval: 3_600_000,
    repeatInterval: 86_400_000,
    routes: [
      route({ receiver: 'crit', groupBy: ['alertname', 'instance'], continue: true }, 'severity=~"crit.*"'),
      route({ receiver: 'crit2' }, 'severity=~"crit.*"'),
      route(
        { receiver: 'db', groupBy: ['...'], routes: [route({ receiver: 'dbx' }, 'service="x"')] },
        'team="db", env!="dev"',
      ),
      route({ receiver: 'trunc' }, 'alertname="Many"'),
      route({ receiver: 'resolver', groupInterval: 2000 }, 'alertname="Resolving"'),
      route({ receiver: 'inhib' }, 'alertname=~"Source|Target|Both"'),
    ],
  });
}

export function captureInhibitRules(): InhibitRule[] {
  return [
    { sourceMatchers: parseMatchers('alertname="Source"'), targetMatchers: parseMatchers('alertname="Target"'), equal: ['zone'] },
    { sourceMatchers: parseMatchers('kind="both"'), targetMatchers: parseMatchers('kind="both"'), equal: ['cluster'] },
  ];
}

export const RESOLVE_TIMEOUT_MS = 5 * 60_000;

/** When the first flushes ran: after group_wait, before anything was re-posted. */
export function firstFlushTime(): number {
  return Date.parse(capture.posted[0].startsAt) + 2500;
}

/** The posted alerts as stored by the first flush. */
export function capturedAlerts(): StoredAlert[] {
  const now = firstFlushTime();
  return capture.posted.map((p) => {
    const result = normalizePostedAlert(
      {
        labels: p.labels,
        annotations: p.annotations,
        startsAt: Date.parse(p.startsAt),
        endsAt: p.endsAt !== undefined ? Date.parse(p.endsAt) : undefined,
        generatorURL: p.generatorURL,
      },
      { now, resolveTimeoutMs: RESOLVE_TIMEOUT_MS },
    );
    if (!result.ok) throw new Error(result.error);
    return result.alert;
  });
}

export function groupKeyOf(n: CapturedNotification): string {
  return JSON.parse(n.body).groupKey as string;
}

export function externalUrlOf(n: CapturedNotification): string {
  return JSON.parse(n.body).externalURL as string;
}
