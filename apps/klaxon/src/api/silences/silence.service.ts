import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Matcher, parseMatcher } from '../../../../../libs/core/src';
import {
  checkPostedSilenceTimes,
  expireSilence,
  planSilenceUpsert,
  Silence,
  silenceMatchesFilter,
  silenceState,
  sortSilences,
  validateSilence,
} from '../../../../../libs/dispatch/src';
import { SilenceLimitError, SilenceRepository, silenceSizeBytes } from '../../../../../libs/store/src';
import { KlaxonRuntime } from '../../runtime/klaxon-runtime';
import { ApiError } from '../http/api-error';
import type { PostableSilence } from './postable-silence';

export interface SilenceListOptions {
  filter: string[];
  active: boolean;
  pending: boolean;
  expired: boolean;
}

/** Silences: create, update in place or replace, expire, list (reference 3.9). */
@Injectable()
export class SilenceService {
  constructor(
    private readonly silences: SilenceRepository,
    private readonly runtime: KlaxonRuntime,
  ) {}

  /** Returns the id of the stored silence. */
  async upsert(posted: PostableSilence, now = Date.now()): Promise<string> {
    const timesError = checkPostedSilenceTimes(posted, now);
    if (timesError) throw ApiError.text(400, timesError);
    const existing = posted.id ? await this.silences.get(posted.id) : undefined;
    if (posted.id && !existing) throw ApiError.text(404, 'silence not found');
    const validation = validateSilence(posted);
    if (!validation.ok) throw ApiError.text(400, validation.error);
    const plan = planSilenceUpsert({
      requestedId: posted.id,
      existing,
      incoming: {
        matchers: validation.matchers,
        startsAt: posted.startsAt,
        endsAt: posted.endsAt,
        createdBy: posted.createdBy,
        comment: posted.comment,
        ...(posted.annotations ? { annotations: posted.annotations } : {}),
      },
      now,
      newId: randomUUID(),
    });
    if (plan.kind === 'not-found') throw ApiError.text(404, 'silence not found');
    this.checkSize(plan.silence);
    const writes = plan.kind === 'create' && plan.expired ? [plan.silence, plan.expired] : [plan.silence];
    try {
      await this.silences.save(writes, { creates: plan.kind === 'create', maxSilences: this.runtime.options.maxSilences });
    } catch (err) {
      if (err instanceof SilenceLimitError) throw ApiError.text(400, err.message);
      throw err;
    }
    return plan.silence.id;
  }

  async get(id: string, now = Date.now()): Promise<Silence | undefined> {
    const s = await this.silences.get(id);
    return s && this.retained(s, now) ? s : undefined;
  }

  /** DELETE: expires; already expired is fine; false when unknown. */
  async expire(id: string, now = Date.now()): Promise<boolean> {
    const s = await this.get(id, now);
    if (!s) return false;
    const expired = expireSilence(s, now);
    if (expired) await this.silences.save([expired], { creates: false, maxSilences: 0 });
    return true;
  }

  async list(options: SilenceListOptions, now = Date.now()): Promise<Silence[]> {
    const filter: Matcher[] = options.filter.map((text) => {
      try {
        return parseMatcher(text);
      } catch (err) {
        throw ApiError.text(400, (err as Error).message);
      }
    });
    const { silences } = await this.silences.snapshot();
    const wanted = silences.filter((s) => {
      if (!this.retained(s, now) || !silenceMatchesFilter(s, filter)) return false;
      const state = silenceState(s, now);
      return state === 'active' ? options.active : state === 'pending' ? options.pending : options.expired;
    });
    return sortSilences(wanted, now);
  }

  /** Silences past `endsAt + --data.retention` are gone, even before the GC deletes them. */
  private retained(s: Silence, now: number): boolean {
    return s.endsAt + this.runtime.options.dataRetentionMs >= now;
  }

  private checkSize(s: Silence): void {
    const limit = this.runtime.options.maxSilenceSizeBytes;
    const size = silenceSizeBytes(s);
    if (limit > 0 && size > limit) throw ApiError.text(400, `silence exceeded maximum size: ${size} bytes (limit: ${limit} bytes)`);
  }
}
