import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import {
  buildInhibitionIndex,
  buildSilenceIndex,
  matchRoutes,
  Route,
  SilenceIndex,
  StoredAlert,
} from '../../../../../libs/dispatch/src';
import { AlertMirror, SilenceRepository } from '../../../../../libs/store/src';
import { RoutingView } from '../state/routing-view';
import type { EvaluatedAlert } from './alert-status';

/**
 * Reads the alerts (through an in-process mirror that only re-reads what changed) and the
 * silences from Redis, and predicts, at `now`, each unresolved alert's
 * routes, silences and inhibitions (as Alertmanager ≥0.33 does at query time). Silences are
 * looked up through an index (rebuilt only when the silences version moves) and inhibitions
 * through one index per rule, so the cost grows with the alerts, not alerts × silences.
 */
@Injectable()
export class AlertEvaluator implements OnApplicationBootstrap {
  private silenceIndex?: { version: string; index: SilenceIndex };
  /** An alert's routes hold as long as the routing tree and its label set (replaced, never changed) do. */
  private readonly routesOf = new WeakMap<StoredAlert, { root: Route; labels: StoredAlert['labels']; routes: Route[] }>();

  constructor(
    private readonly alerts: AlertMirror,
    private readonly silences: SilenceRepository,
    private readonly routing: RoutingView,
  ) {}

  /** Loads the alert mirror at start, so that the batches stored from now on are applied to it. */
  onApplicationBootstrap(): void {
    this.alerts.current(Date.now()).catch(() => undefined);
  }

  async evaluate(now: number): Promise<EvaluatedAlert[]> {
    const [current, silenceIndex] = await Promise.all([this.alerts.current(now), this.currentSilenceIndex()]);
    const unresolved = [...current.values()];
    const inhibition = buildInhibitionIndex(this.routing.config.inhibitRules, unresolved, now);
    const root = this.routing.root;
    return unresolved.map((alert) => ({
      alert,
      routes: this.routes(root, alert),
      silencedBy: silenceIndex.silencedBy(alert.labels, now),
      inhibitedBy: inhibition.inhibitedBy(alert),
    }));
  }

  private routes(root: Route, alert: StoredAlert): Route[] {
    const known = this.routesOf.get(alert);
    if (known && known.root === root && known.labels === alert.labels) return known.routes;
    const routes = matchRoutes(root, alert.labels);
    this.routesOf.set(alert, { root, labels: alert.labels, routes });
    return routes;
  }

  private async currentSilenceIndex(): Promise<SilenceIndex> {
    const snapshot = await this.silences.snapshot();
    if (this.silenceIndex?.version !== snapshot.version) {
      this.silenceIndex = { version: snapshot.version, index: buildSilenceIndex(snapshot.silences) };
    }
    return this.silenceIndex.index;
  }
}
