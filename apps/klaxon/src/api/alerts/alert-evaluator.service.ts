import { Injectable } from '@nestjs/common';
import {
  buildInhibitionIndex,
  buildSilenceIndex,
  isResolved,
  matchRoutes,
  SilenceIndex,
} from '../../../../../libs/dispatch/src';
import { AlertRepository, SilenceRepository } from '../../../../../libs/store/src';
import { RoutingView } from '../state/routing-view';
import type { EvaluatedAlert } from './alert-status';

/**
 * Reads every alert and silence from Redis and predicts, at `now`, each unresolved alert's
 * routes, silences and inhibitions (as Alertmanager ≥0.33 does at query time). Silences are
 * looked up through an index (rebuilt only when the silences version moves) and inhibitions
 * through one index per rule, so the cost grows with the alerts, not alerts × silences.
 */
@Injectable()
export class AlertEvaluator {
  private silenceIndex?: { version: string; index: SilenceIndex };

  constructor(
    private readonly alerts: AlertRepository,
    private readonly silences: SilenceRepository,
    private readonly routing: RoutingView,
  ) {}

  async evaluate(now: number): Promise<EvaluatedAlert[]> {
    const [stored, silenceIndex] = await Promise.all([this.alerts.list(), this.currentSilenceIndex()]);
    const unresolved = stored.filter((a) => !isResolved(a, now));
    const inhibition = buildInhibitionIndex(this.routing.config.inhibitRules, unresolved, now);
    const root = this.routing.root;
    return unresolved.map((alert) => ({
      alert,
      routes: matchRoutes(root, alert.labels),
      silencedBy: silenceIndex.silencedBy(alert.labels, now),
      inhibitedBy: inhibition.inhibitedBy(alert),
    }));
  }

  private async currentSilenceIndex(): Promise<SilenceIndex> {
    const snapshot = await this.silences.snapshot();
    if (this.silenceIndex?.version !== snapshot.version) {
      this.silenceIndex = { version: snapshot.version, index: buildSilenceIndex(snapshot.silences) };
    }
    return this.silenceIndex.index;
  }
}
