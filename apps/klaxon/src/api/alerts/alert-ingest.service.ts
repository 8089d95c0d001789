import { Injectable } from '@nestjs/common';
import { normalizePostedAlert, PostedAlert, StoredAlert } from '../../../../../libs/dispatch/src';
import { AlertMirror, AlertRepository } from '../../../../../libs/store/src';
import { ConfigStore } from '../../config/config-store';
import { ApiError } from '../http/api-error';

/**
 * POST /alerts (reference 1.4): defaults, empty labels dropped, validation, then every valid
 * alert merged and stored in one batch. Best effort: the valid alerts are stored even when
 * others fail, and the failures are answered with 400 and every error joined by "; ".
 */
@Injectable()
export class AlertIngestService {
  constructor(
    private readonly alerts: AlertRepository,
    private readonly mirror: AlertMirror,
    private readonly configStore: ConfigStore,
  ) {}

  async post(posted: readonly PostedAlert[], now = Date.now()): Promise<void> {
    const resolveTimeoutMs = this.configStore.config.global.resolveTimeout;
    const valid: StoredAlert[] = [];
    const errors: string[] = [];
    for (const p of posted) {
      const result = normalizePostedAlert(p, { now, resolveTimeoutMs });
      if (result.ok) valid.push(result.alert);
      else errors.push(result.error);
    }
    if (valid.length > 0) {
      try {
        const stored = await this.alerts.ingest(valid, now);
        this.mirror.applyLocal(stored.eventId, stored.alerts);
      } catch (err) {
        // Nothing was acknowledged: the client must send again (Prometheus retries 5xx).
        throw ApiError.text(503, `failed to store alerts: ${(err as Error).message}`);
      }
    }
    if (errors.length > 0) throw ApiError.text(400, errors.join('; '));
  }
}
