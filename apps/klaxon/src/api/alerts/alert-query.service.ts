import { Injectable } from '@nestjs/common';
import { labelSetString, matchesLabels } from '../../../../../libs/core/src';
import type { LabelSet } from '../../../../../libs/core/src';
import { compareAlertGroups, compareAlerts, groupLabels, Route } from '../../../../../libs/dispatch/src';
import { RoutingView } from '../state/routing-view';
import { AlertEvaluator } from './alert-evaluator.service';
import { AlertFilter } from './alert-filter';
import { matchesFilterLabels } from '../../../../../libs/core/src';
import { alertGroupJson, gettableAlertJson, jsonArray } from './alert-json';
import { alertStatus, AlertStatus, EvaluatedAlert } from './alert-status';

/** Whether a receiver passes the `receiver` regex and the `receiver_matchers` on its labels. */
function receiverPasses(filter: AlertFilter, name: string, labels: LabelSet | undefined): boolean {
  if (filter.receiver && !filter.receiver.test(name)) return false;
  return filter.receiverMatchers.length === 0 || matchesLabels(filter.receiverMatchers, labels ?? { name });
}

/** Whether an alert passes the state flags and `filter` matchers (not the receiver). */
function passes(filter: AlertFilter, e: EvaluatedAlert, status: AlertStatus): boolean {
  if (!filter.active && status.state === 'active') return false;
  if (!filter.silenced && status.silencedBy.length > 0) return false;
  if (!filter.inhibited && status.inhibitedBy.length > 0) return false;
  return matchesFilterLabels(filter.matchers, e.alert.labels);
}

interface Group {
  route: Route;
  labels: LabelSet;
  mutedBy: string[];
  alerts: EvaluatedAlert[];
}

/** GET /alerts and GET /alerts/groups. */
@Injectable()
export class AlertQueryService {
  constructor(
    private readonly evaluator: AlertEvaluator,
    private readonly routing: RoutingView,
  ) {}

  /** Unresolved alerts passing the filter, sorted by fingerprint: the JSON array. */
  async alerts(filter: AlertFilter, now = Date.now()): Promise<Buffer[]> {
    const evaluated = await this.evaluator.evaluate(now);
    const receiverLabels = this.receiverLabels();
    const out: { fp: string; json: Buffer }[] = [];
    for (const e of evaluated) {
      if (!e.routes.some((r) => receiverPasses(filter, r.receiver, receiverLabels.get(r.receiver)))) continue;
      const status = alertStatus(e);
      if (!passes(filter, e, status)) continue;
      out.push({ fp: e.alert.fingerprint, json: gettableAlertJson(e, status) });
    }
    out.sort((a, b) => (a.fp < b.fp ? -1 : a.fp > b.fp ? 1 : 0));
    return jsonArray(out.map((o) => o.json));
  }

  /** One group per (route, group labels) with the alerts passing the filter, sorted as Alertmanager: the JSON array. */
  async groups(filter: AlertFilter, now = Date.now()): Promise<Buffer[]> {
    const evaluated = await this.evaluator.evaluate(now);
    const receiverLabels = this.receiverLabels();
    const groups = new Map<string, Group>();
    const mutedByRoute = new Map<Route, string[]>();
    for (const e of evaluated) {
      for (const route of e.routes) {
        if (!receiverPasses(filter, route.receiver, receiverLabels.get(route.receiver))) continue;
        let mutedBy = mutedByRoute.get(route);
        if (!mutedBy) {
          mutedBy = this.routing.mutedBy(route, now);
          mutedByRoute.set(route, mutedBy);
        }
        if (!filter.muted && mutedBy.length > 0) continue;
        const labels = groupLabels(route, e.alert.labels);
        const key = `${route.id}\u0000${labelSetString(labels)}`;
        let group = groups.get(key);
        if (!group) {
          group = { route, labels, mutedBy, alerts: [] };
          groups.set(key, group);
        }
        group.alerts.push(e);
      }
    }
    const out: { labels: LabelSet; receiver: string; json: Buffer }[] = [];
    for (const group of groups.values()) {
      const alerts = group.alerts
        .map((e) => ({ e, status: alertStatus(e, group.mutedBy) }))
        .filter(({ e, status }) => passes(filter, e, status))
        .sort((a, b) => compareAlerts(a.e.alert, b.e.alert));
      if (alerts.length === 0) continue;
      out.push({
        labels: group.labels,
        receiver: group.route.receiver,
        json: alertGroupJson(
          alerts.map(({ e, status }) => gettableAlertJson(e, status)),
          group.labels,
          group.route.receiver,
        ),
      });
    }
    out.sort(compareAlertGroups);
    return jsonArray(out.map((o) => o.json));
  }

  private receiverLabels(): Map<string, LabelSet> {
    return new Map(this.routing.config.receivers.map((r) => [r.name, r.labels]));
  }
}
