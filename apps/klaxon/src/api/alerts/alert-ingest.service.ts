import { Injectable } from '@nestjs/common';
import { isResolved, longestGroupWait, needsRegrouping, normalizePostedAlert, PostedAlert, StoredAlert } from '../../../../../libs/dispatch/src';
import { AlertMirror, AlertRepository } from '../../../../../libs/store/src';
import { ConfigStore } from '../../config/config-store';
import { ApiError } from '../http/api-error';
import { KlaxonMetrics } from '../../metrics/klaxon-metrics';
import { ALERTS_PER_TURN, nextTurn } from '../../runtime/event-loop-turns';
import { KlaxonRuntime } from '../../runtime/klaxon-runtime';
import { AlertLimits, alertLimitError, requestLimitError } from './alert-limits';

/**
 * POST /alerts (reference 1.4): defaults, empty labels dropped, validation, then every valid
 * alert merged and stored, in slices of ALERTS_PER_TURN. Best effort: the valid alerts are
 * stored even when others fail, and the failures are answered with 400 and every error joined
 * by "; ". Klaxon's limits (alerts per request, labels per alert, bytes per label) apply on top.
 */
@Injectable()
export class AlertIngestService {
  constructor(
    private readonly alerts: AlertRepository,
    private readonly mirror: AlertMirror,
    private readonly configStore: ConfigStore,
    private readonly metrics: KlaxonMetrics,
    runtime: KlaxonRuntime,
  ) {
    this.limits = {
      maxPerRequest: runtime.options.maxAlertsPerRequest,
      maxLabels: runtime.options.maxLabelsPerAlert,
      maxLabelBytes: runtime.options.maxLabelBytes,
    };
  }

  private readonly limits: AlertLimits;

  async post(posted: readonly PostedAlert[], now = Date.now()): Promise<void> {
    const tooMany = requestLimitError(posted.length, this.limits);
    if (tooMany) throw ApiError.text(400, tooMany);
    const config = this.configStore.config;
    const resolveTimeoutMs = config.global.resolveTimeout;
    const valid: StoredAlert[] = [];
    const errors: string[] = [];
    for (const [i, p] of posted.entries()) {
      if (i > 0 && i % ALERTS_PER_TURN === 0) await nextTurn();
      const result = normalizePostedAlert(p, { now, resolveTimeoutMs });
      const error = result.ok ? alertLimitError(result.alert, this.limits) : result.error;
      if (result.ok && error === undefined) {
        valid.push(result.alert);
        this.metrics.alertsReceived.inc({ status: isResolved(result.alert, now) ? 'resolved' : 'firing', version: 'v2' });
      } else {
        errors.push(error!);
        this.metrics.alertsInvalid.inc({ version: 'v2' });
      }
    }
    if (valid.length > 0) {
      try {
        // A refreshed alert that has been firing for longer than any group_wait is not grouped again.
        const groupWaitBound = longestGroupWait(config.route);
        const regroup = (previous: StoredAlert | undefined, next: StoredAlert) => needsRegrouping(previous, next, now, groupWaitBound);
        // Stored in slices, one after the other (a later alert of a fingerprint still merges with
        // an earlier one): each slice's read, merge and write is a short turn of the event loop,
        // and requests and flushes waiting meanwhile go between them. A whole 256-alert batch
        // held it for milliseconds (the write alone, 200 KB to Redis, took about one).
        for (let start = 0; start < valid.length; start += ALERTS_PER_TURN) {
          const stored = await this.alerts.ingest(valid.slice(start, start + ALERTS_PER_TURN), now, regroup);
          this.mirror.applyLocal(stored.eventId, stored.alerts);
        }
      } catch (err) {
        // Nothing was acknowledged: the client must send again (Prometheus retries 5xx). Slices
        // stored before the failure are merged again then, like any alert sent twice.
        throw ApiError.text(503, `failed to store alerts: ${(err as Error).message}`);
      }
    }
    if (errors.length > 0) throw ApiError.text(400, errors.join('; '));
  }
}
