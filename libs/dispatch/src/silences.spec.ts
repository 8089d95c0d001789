import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { LabelSet, Matcher, MatchType, parseMatchers, isValidLegacyLabelName } from '../../core/src';
import { Silence, silenceMatches, silenceMutes, silenceState } from './silence';
import { checkPostedSilenceTimes, MatcherSpec, validateSilence } from './silence-validate';
import { canUpdateInPlace, expireSilence, planSilenceUpsert } from './silence-update';
import { silenceMatchesFilter, sortSilences } from './silence-query';
import { buildSilenceIndex } from './silence-index';
import captured from './testdata/silences.json';

interface ApiMatcher {
  name: string;
  value: string;
  isRegex: boolean;
  isEqual?: boolean;
}
interface ApiSilence {
  id?: string;
  matchers: ApiMatcher[];
  startsAt: string;
  endsAt: string;
  updatedAt?: string;
  createdBy: string;
  comment: string;
  status?: { state: string };
}

const typeOf = (m: ApiMatcher): MatchType => (m.isRegex ? (m.isEqual === false ? '!~' : '=~') : m.isEqual === false ? '!=' : '=');
const specOf = (m: ApiMatcher): MatcherSpec => ({ name: m.name, type: typeOf(m), value: m.value });
function fromApi(s: ApiSilence): Silence {
  return {
    id: s.id ?? '',
    matchers: s.matchers.map((m) => Matcher.create(typeOf(m), m.name, m.value)),
    startsAt: Date.parse(s.startsAt),
    endsAt: Date.parse(s.endsAt),
    updatedAt: s.updatedAt ? Date.parse(s.updatedAt) : 0,
    createdBy: s.createdBy,
    comment: s.comment,
  };
}

const NOW = Date.UTC(2026, 10, 24, 3);
const H = 3_600_000;
function silence(over: Partial<Silence> = {}, matchers = 'alertname="A"'): Silence {
  return { id: 'id-1', matchers: parseMatchers(matchers), startsAt: NOW - H, endsAt: NOW + H, updatedAt: NOW - H, createdBy: 'me', comment: 'c', ...over };
}

describe('silenceState / silenceMatches / silenceMutes', () => {
  test('pending before startsAt, active until endsAt (exclusive), then expired', () => {
    const s = silence({ startsAt: NOW, endsAt: NOW + 10 });
    assert.equal(silenceState(s, NOW - 1), 'pending');
    assert.equal(silenceState(s, NOW), 'active');
    assert.equal(silenceState(s, NOW + 9), 'active');
    assert.equal(silenceState(s, NOW + 10), 'expired');
  });
  test('matching treats a missing label as empty; only active silences mute', () => {
    const s = silence({}, 'alertname="A", team!="x"');
    assert.equal(silenceMatches(s, { alertname: 'A' }), true);
    assert.equal(silenceMatches(s, { alertname: 'A', team: 'x' }), false);
    assert.equal(silenceMutes(s, { alertname: 'A' }, NOW), true);
    assert.equal(silenceMutes(silence({ startsAt: NOW + 1 }), { alertname: 'A' }, NOW), false);
  });
});

describe('validateSilence', () => {
  const spec = (matchers: MatcherSpec[]) => ({ matchers, startsAt: NOW, endsAt: NOW + H });
  test('0.34 wording by default', () => {
    assert.deepEqual(validateSilence(spec([{ name: 'a', type: '=', value: '' }])), {
      ok: false,
      error: 'invalid silence: matcher set 0: at least one matcher must not match the empty string',
    });
    assert.deepEqual(validateSilence(spec([{ name: 'a', type: '=', value: 'x' }, { name: 'b', type: '=~', value: '(' }])), {
      ok: false,
      error: 'invalid silence: invalid label matcher 1 in set 0: invalid regular expression "(": error parsing regexp: missing closing ): `(`',
    });
    assert.deepEqual(validateSilence(spec([])), { ok: false, error: 'invalid silence: at least one matcher set required' });
  });
  test('label names follow the configured rule', () => {
    const m = [{ name: 'a-b', type: '=' as const, value: 'x' }];
    assert.equal(validateSilence(spec(m)).ok, true);
    assert.deepEqual(validateSilence(spec(m), { isValidLabelName: isValidLegacyLabelName }), {
      ok: false,
      error: 'invalid silence: invalid label matcher 0 in set 0: invalid label name "a-b"',
    });
    assert.equal(validateSilence(spec([{ name: '', type: '=', value: 'x' }])).ok, false);
  });
  test('an end before the start is rejected by the store check too', () => {
    const r = validateSilence({ matchers: [{ name: 'a', type: '=', value: 'x' }], startsAt: NOW, endsAt: NOW - 1 });
    assert.deepEqual(r, { ok: false, error: 'invalid silence: end time must not be before start time' });
  });
  test('returns compiled matchers on success', () => {
    const r = validateSilence(spec([{ name: 'a', type: '=~', value: 'x|y' }]));
    assert.ok(r.ok);
    assert.equal(r.matchers[0].matches('y'), true);
  });

  describe('Alertmanager 0.25 answers (testdata/silences.json, 0.25 wording)', () => {
    for (const c of captured.validation) {
      test(c.name, () => {
        const r = validateSilence(spec(c.matchers.map(specOf)), { style: '0.25' });
        if ('valid' in c && c.valid) {
          assert.equal(c.response.status, 200);
          assert.equal(r.ok, true);
        } else {
          assert.equal(c.response.status, 400);
          assert.equal(JSON.stringify(r.ok ? 'ok' : r.error) + '\n', c.response.body);
        }
      });
    }
    for (const c of captured.times) {
      test(`API time check: ${c.name}`, () => {
        const error = checkPostedSilenceTimes(c, c.endsAt + (c.name === 'end in the past' ? H : 0));
        assert.equal(c.response.status, 400);
        assert.equal(JSON.stringify(error) + '\n', c.response.body);
      });
    }
  });
});

describe('updates', () => {
  test('active: same matchers, same start second, end not in the past → in place', () => {
    const s = silence({ startsAt: NOW - 5500 });
    assert.equal(canUpdateInPlace(s, { matchers: s.matchers, startsAt: NOW - 5001, endsAt: NOW + 2 * H }, NOW), true);
    assert.equal(canUpdateInPlace(s, { matchers: s.matchers, startsAt: NOW - 4999, endsAt: NOW + 2 * H }, NOW), false);
    assert.equal(canUpdateInPlace(s, { matchers: s.matchers, startsAt: s.startsAt, endsAt: NOW - 1 }, NOW), false);
    assert.equal(canUpdateInPlace(s, { matchers: parseMatchers('alertname="B"'), startsAt: s.startsAt, endsAt: NOW + H }, NOW), false);
  });
  test('matcher order matters for in-place updates', () => {
    const s = silence({}, 'a="1", b="2"');
    assert.equal(canUpdateInPlace(s, { matchers: parseMatchers('b="2", a="1"'), startsAt: s.startsAt, endsAt: s.endsAt }, NOW), false);
  });
  test('pending: in place while the new start is not in the past', () => {
    const s = silence({ startsAt: NOW + H, endsAt: NOW + 2 * H });
    assert.equal(canUpdateInPlace(s, { matchers: s.matchers, startsAt: NOW, endsAt: NOW + H }, NOW), true);
    assert.equal(canUpdateInPlace(s, { matchers: s.matchers, startsAt: NOW - 1, endsAt: NOW + H }, NOW), false);
  });
  test('expired: never in place', () => {
    const s = silence({ endsAt: NOW - 1 });
    assert.equal(canUpdateInPlace(s, { matchers: s.matchers, startsAt: NOW, endsAt: NOW + H }, NOW), false);
  });
  test('plan: unknown id → not-found; replacing expires the old one; new start clamped to now', () => {
    const incoming = { matchers: parseMatchers('alertname="B"'), startsAt: NOW - H, endsAt: NOW + H, createdBy: 'u', comment: 'x' };
    assert.deepEqual(planSilenceUpsert({ requestedId: 'gone', incoming, now: NOW, newId: 'n' }), { kind: 'not-found' });
    const plan = planSilenceUpsert({ requestedId: 'id-1', existing: silence(), incoming, now: NOW, newId: 'n' });
    assert.equal(plan.kind, 'create');
    if (plan.kind !== 'create') return;
    assert.deepEqual([plan.silence.id, plan.silence.startsAt, plan.silence.updatedAt], ['n', NOW, NOW]);
    assert.deepEqual([plan.expired?.id, plan.expired?.endsAt], ['id-1', NOW]);
    const fresh = planSilenceUpsert({ incoming: { ...incoming, startsAt: NOW + H, endsAt: NOW + 2 * H }, now: NOW, newId: 'n2' });
    assert.deepEqual(fresh.kind === 'create' && [fresh.silence.startsAt, fresh.expired], [NOW + H, undefined]);
  });
  test('expire: active ends now, pending starts and ends now, expired is left alone', () => {
    assert.deepEqual(
      [expireSilence(silence(), NOW)?.startsAt, expireSilence(silence(), NOW)?.endsAt],
      [NOW - H, NOW],
    );
    const pending = expireSilence(silence({ startsAt: NOW + H, endsAt: NOW + 2 * H }), NOW);
    assert.deepEqual([pending?.startsAt, pending?.endsAt, pending?.updatedAt], [NOW, NOW, NOW]);
    assert.equal(expireSilence(silence({ endsAt: NOW - 1 }), NOW), undefined);
  });

  describe('Alertmanager 0.25 update outcomes (testdata/silences.json)', () => {
    for (const u of captured.updates) {
      test(u.name, () => {
        const posted = u.posted as ApiSilence;
        const timeError = checkPostedSilenceTimes({ startsAt: Date.parse(posted.startsAt), endsAt: Date.parse(posted.endsAt) }, u.postedAt);
        if (u.response.status === 400) {
          assert.equal(JSON.stringify(timeError) + '\n', u.response.body);
          return;
        }
        assert.equal(timeError, undefined);
        const existing = fromApi(u.before as ApiSilence);
        const plan = planSilenceUpsert({ requestedId: posted.id, existing, incoming: fromApi(posted), now: u.postedAt, newId: 'new' });
        const keptId = u.newId === posted.id;
        assert.equal(plan.kind, keptId ? 'update' : 'create');
        if (plan.kind === 'create') {
          const wasExpired = (u.before as ApiSilence).status?.state === 'expired';
          assert.equal(plan.expired === undefined, wasExpired);
          assert.equal(u.oldAfter.status.state, 'expired');
          if (plan.expired) assert.ok(Math.abs(plan.expired.endsAt - Date.parse(u.oldAfter.endsAt)) < 200);
        }
      });
    }
    test('an unknown id is answered 404 "silence not found"', () => {
      assert.equal(captured.unknownId.status, 404);
      assert.equal(captured.unknownId.body, '"silence not found"\n');
    });
  });
});

describe('listing', () => {
  const list = (captured.list as ApiSilence[]).map((s) => ({ api: s, silence: fromApi(s) }));

  test('states at listing time match those reported', () => {
    for (const { api, silence: s } of list) assert.equal(silenceState(s, captured.listedAt), api.status?.state, s.id);
  });

  test('sortSilences reproduces the 0.25 order (active by end, pending by start, expired by end desc)', () => {
    const key = (s: Silence) => {
      const state = silenceState(s, captured.listedAt);
      return `${state} ${state === 'pending' ? s.startsAt : s.endsAt}`;
    };
    const shuffled = [...list.map((x) => x.silence)].reverse();
    assert.deepEqual(sortSilences(shuffled, captured.listedAt).map(key), list.map((x) => key(x.silence)));
    assert.ok(new Set(list.map((x) => silenceState(x.silence, captured.listedAt))).size === 3);
  });

  test('filter needs each filter matcher to appear verbatim in the silence (same results as 0.25)', () => {
    for (const [filter, ids] of Object.entries(captured.filters)) {
      const ms = parseMatchers(filter);
      const ours = list.filter((x) => silenceMatchesFilter(x.silence, ms)).map((x) => x.silence.id);
      assert.deepEqual(ours.sort(), [...ids].sort(), filter);
    }
  });
});

describe('buildSilenceIndex', () => {
  const silences = [
    silence({ id: 's-a' }, 'alertname="A"'),
    silence({ id: 's-b' }, 'alertname="B", team="x"'),
    silence({ id: 's-re' }, 'alertname=~"A|B"'),
    silence({ id: 's-team' }, 'team="x"'),
    silence({ id: 's-none' }, 'alertname="", team="y"'),
    silence({ id: 's-pending', startsAt: NOW + 1 }, 'alertname="A"'),
  ];
  const index = buildSilenceIndex(silences);

  test('candidates skip silences pinned to another alertname', () => {
    const ids = index.candidates({ alertname: 'A' }).map((s) => s.id);
    assert.ok(!ids.includes('s-b'));
    assert.ok(ids.includes('s-a') && ids.includes('s-re') && ids.includes('s-team'));
  });

  test('silencedBy equals a full scan, sorted, active only', () => {
    const labelSets: LabelSet[] = [
      { alertname: 'A' },
      { alertname: 'B', team: 'x' },
      { alertname: 'C', team: 'x' },
      { team: 'y' },
      { alertname: 'A', team: 'y' },
    ];
    for (const labels of labelSets) {
      const scan = silences.filter((s) => silenceMutes(s, labels, NOW)).map((s) => s.id).sort();
      assert.deepEqual(index.silencedBy(labels, NOW), scan, JSON.stringify(labels));
    }
    assert.deepEqual(index.silencedBy({ alertname: 'B', team: 'x' }, NOW), ['s-b', 's-re', 's-team']);
    assert.deepEqual(index.silencedBy({ team: 'y' }, NOW), ['s-none']);
  });
});
