import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { labelSetString, parseMatchers } from '../../core/src';
import { buildRouteTree, RouteDefinition, walkRoutes, Route } from './route-tree';
import { matchRoutes } from './route-match';
import { groupKey, groupLabels, nflogKey } from './group-key';
import { capture, captureRoute, capturedAlerts } from './testdata/notifications-fixture';

function def(partial: Partial<RouteDefinition> = {}, matchers = ''): RouteDefinition {
  return {
    continue: false,
    matchers: matchers ? parseMatchers(matchers) : [],
    muteTimeIntervals: [],
    activeTimeIntervals: [],
    routes: [],
    ...partial,
  };
}

describe('buildRouteTree: options', () => {
  test('the root gets Alertmanager defaults: 30s / 5m / 4h, no grouping', () => {
    const root = buildRouteTree(def({ receiver: 'r' }));
    assert.equal(root.groupWait, 30_000);
    assert.equal(root.groupInterval, 300_000);
    assert.equal(root.repeatInterval, 14_400_000);
    assert.deepEqual(root.groupBy, []);
    assert.equal(root.groupByAll, false);
    assert.equal(root.receiver, 'r');
  });

  test('children inherit receiver, group_by and timers, and override what they set', () => {
    const root = buildRouteTree(
      def({
        receiver: 'root',
        groupBy: ['b', 'a'],
        groupWait: 1000,
        groupInterval: 2000,
        repeatInterval: 3000,
        routes: [
          def({ routes: [def({ receiver: 'leaf', groupWait: 7 }, 'x="1"')] }, 'a="1"'),
          def({ groupInterval: 9, groupBy: ['c'] }, 'a="2"'),
        ],
      }),
    );
    const [mid, other] = root.routes;
    const leaf = mid.routes[0];
    assert.deepEqual([mid.receiver, mid.groupBy, mid.groupWait, mid.groupInterval, mid.repeatInterval], ['root', ['a', 'b'], 1000, 2000, 3000]);
    assert.deepEqual([leaf.receiver, leaf.groupWait, leaf.groupInterval], ['leaf', 7, 2000]);
    assert.deepEqual([other.groupBy, other.groupInterval, other.groupWait], [['c'], 9, 1000]);
  });

  test('group_by: [] on a child replaces the parent list (0.31+)', () => {
    const root = buildRouteTree(def({ receiver: 'r', groupBy: ['a'], routes: [def({ groupBy: [] }, 'x="1"'), def({}, 'x="2"')] }));
    assert.deepEqual(root.routes[0].groupBy, []);
    assert.deepEqual(root.routes[1].groupBy, ['a']);
  });

  test("group_by ['...'] groups by all labels and is inherited; a later explicit list turns it off", () => {
    const root = buildRouteTree(
      def({
        receiver: 'r',
        groupBy: ['...'],
        routes: [def({ routes: [def({ groupBy: ['a'] }, 'y="1"')] }, 'x="1"')],
      }),
    );
    assert.equal(root.groupByAll, true);
    assert.equal(root.routes[0].groupByAll, true);
    assert.equal(root.routes[0].routes[0].groupByAll, false);
    assert.deepEqual(root.routes[0].routes[0].groupBy, ['a']);
  });

  test('mute and active time intervals are not inherited', () => {
    const root = buildRouteTree(
      def({
        receiver: 'r',
        routes: [
          def(
            { muteTimeIntervals: ['night'], activeTimeIntervals: ['work'], routes: [def({}, 'y="1"')] },
            'x="1"',
          ),
        ],
      }),
    );
    assert.deepEqual(root.routes[0].muteTimeIntervals, ['night']);
    assert.deepEqual(root.routes[0].activeTimeIntervals, ['work']);
    assert.deepEqual(root.routes[0].routes[0].muteTimeIntervals, []);
    assert.deepEqual(root.routes[0].routes[0].activeTimeIntervals, []);
  });

  test('continue is taken per node', () => {
    const root = buildRouteTree(def({ receiver: 'r', routes: [def({ continue: true }, 'x="1"'), def({}, 'x="2"')] }));
    assert.deepEqual(root.routes.map((r) => r.continue), [true, false]);
  });
});

describe('buildRouteTree: keys and ids', () => {
  test('the root key is {} and child keys append sorted matchers', () => {
    const root = buildRouteTree(
      def({ receiver: 'r', routes: [def({ routes: [def({}, 'c=~"x.*"')] }, 'team="db", env!="dev"')] }),
    );
    assert.equal(root.key, '{}');
    assert.equal(root.routes[0].key, '{}/{env!="dev",team="db"}');
    assert.equal(root.routes[0].routes[0].key, '{}/{env!="dev",team="db"}/{c=~"x.*"}');
  });

  test('siblings with identical matchers share a key (as in Alertmanager) but not an id', () => {
    const root = buildRouteTree(def({ receiver: 'r', routes: [def({}, 'a="b"'), def({}, 'a="b"')] }));
    assert.equal(root.routes[0].key, root.routes[1].key);
    assert.equal(root.routes[0].id, '{}/{a="b"}/0');
    assert.equal(root.routes[1].id, '{}/{a="b"}/1');
    assert.equal(root.id, '{}');
    const ids: string[] = [];
    walkRoutes(root, (r) => ids.push(r.id));
    assert.equal(new Set(ids).size, ids.length);
  });

  test('a node without matchers below the root has key parent/{}', () => {
    const root = buildRouteTree(def({ receiver: 'r', routes: [def({ receiver: 'x' })] }));
    assert.equal(root.routes[0].key, '{}/{}');
  });

  test('matchers are ordered by name, value, then = != =~ !~', () => {
    const root = buildRouteTree(def({ receiver: 'r', routes: [def({}, 'b="1", a!~"z", a=~"z", a="z", a="y"')] }));
    assert.equal(root.routes[0].key, '{}/{a="y",a="z",a=~"z",a!~"z",b="1"}');
  });
});

describe('matchRoutes', () => {
  const tree = buildRouteTree(
    def({
      receiver: 'default',
      routes: [
        def({ receiver: 'a', continue: true }, 'x="1"'),
        def({ receiver: 'b', routes: [def({ receiver: 'b1' }, 'y="1"'), def({ receiver: 'b2', continue: true }, 'y=~"1|2"')] }, 'x=~"1|2"'),
        def({ receiver: 'c' }, 'x="1"'),
      ],
    }),
  );
  const receivers = (labels: Record<string, string>) => matchRoutes(tree, labels).map((r) => r.receiver);

  test('falls back to the root when no child matches', () => {
    assert.deepEqual(receivers({ x: '9' }), ['default']);
  });
  test('continue lets later siblings match too; the first non-continue match stops', () => {
    assert.deepEqual(receivers({ x: '1' }), ['a', 'b']);
  });
  test('a matching parent whose children do not match is the match itself', () => {
    assert.deepEqual(receivers({ x: '2' }), ['b']);
  });
  test('depth first: children results come in order, stopping at the first non-continue child', () => {
    assert.deepEqual(receivers({ x: '2', y: '1' }), ['b1']);
    assert.deepEqual(receivers({ x: '2', y: '2' }), ['b2']);
  });
  test('continue on a non-matching child has no effect', () => {
    assert.deepEqual(receivers({ x: '2', y: '3' }), ['b']);
  });
  test('a root with matchers that do not match yields nothing', () => {
    const strict = buildRouteTree(def({ receiver: 'r' }, 'env="prod"'));
    assert.deepEqual(matchRoutes(strict, { env: 'dev' }), []);
  });
  test('a missing label matches an empty-value matcher', () => {
    const t = buildRouteTree(def({ receiver: 'r', routes: [def({ receiver: 'nolabel' }, 'team=""')] }));
    assert.deepEqual(matchRoutes(t, { alertname: 'x' }).map((r) => r.receiver), ['nolabel']);
  });
});

describe('groupLabels / groupKey', () => {
  const route = (groupBy: string[], all = false) => ({ groupBy, groupByAll: all, key: '{}/{a="b"}' });
  test('keeps only group_by labels that are present', () => {
    assert.deepEqual(groupLabels(route(['alertname', 'missing']), { alertname: 'A', x: '1' }), { alertname: 'A' });
  });
  test('... keeps every label', () => {
    assert.deepEqual(groupLabels(route([], true), { a: '1', b: '2' }), { a: '1', b: '2' });
  });
  test('group key is <routeKey>:<LabelSet.String()>', () => {
    assert.equal(groupKey(route([]), { b: '2', a: 'x"y' }), '{}/{a="b"}:{a="x\\"y", b="2"}');
    assert.equal(groupKey({ key: '{}' }, {}), '{}:{}');
  });
  test('nflog key appends receiver/integration/index', () => {
    assert.equal(nflogKey('{}:{}', 'team-x.y', 'webhook', 0), '{}:{}:team-x.y/webhook/0');
  });
});

describe('against Alertmanager 0.25 (testdata/notifications.json)', () => {
  const tree = buildRouteTree(captureRoute());
  const alerts = capturedAlerts();

  function routesOf(fp: string): Route[] {
    const alert = alerts.find((a) => a.fingerprint === fp);
    assert.ok(alert, `posted alert ${fp}`);
    return matchRoutes(tree, alert.labels);
  }

  test('every notified alert routes to the notifying receiver with the notified group key', () => {
    assert.ok(capture.notifications.length >= 10);
    for (const n of capture.notifications) {
      const body = JSON.parse(n.body);
      for (const a of body.alerts) {
        const keys = routesOf(a.fingerprint)
          .filter((r) => r.receiver === n.receiver)
          .map((r) => groupKey(r, groupLabels(r, a.labels)));
        assert.ok(keys.includes(body.groupKey), `${n.receiver}: ${body.groupKey} not in ${keys.join(' | ')}`);
      }
    }
  });

  test('the groups of /api/v2/alerts/groups are exactly (receiver, group labels) of each alert routes', () => {
    const now = Date.parse(capture.posted[0].startsAt) + 2500;
    const expected = new Set<string>();
    for (const a of alerts) {
      if (a.endsAt <= now) continue; // resolved alerts are not listed
      for (const r of matchRoutes(tree, a.labels)) expected.add(`${r.receiver} ${labelSetString(groupLabels(r, a.labels))} ${a.fingerprint}`);
    }
    const actual = new Set<string>();
    for (const g of capture.groups) {
      for (const a of g.alerts) actual.add(`${g.receiver.name} ${labelSetString(g.labels)} ${a.fingerprint}`);
    }
    assert.deepEqual([...expected].sort(), [...actual].sort());
  });
});
