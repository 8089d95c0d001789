import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseMatchers } from '../../core/src';
import { buildRouteTree, RouteDefinition } from './route-tree';
import { matchRoutes } from './route-match';
import routing from './testdata/routing.json';

function r(receiver: string, matchers: string, extra: Partial<RouteDefinition> = {}): RouteDefinition {
  return {
    receiver,
    continue: false,
    matchers: matchers ? parseMatchers(matchers) : [],
    muteTimeIntervals: [],
    activeTimeIntervals: [],
    routes: [],
    ...extra,
  };
}

/** routing.json's `config`, written out by hand. */
const tree = buildRouteTree(
  r('root', '', {
    routes: [
      r('r0', 'team="db"', {
        continue: true,
        routes: [
          r('r0-0', 'severity=~"crit|page"', { continue: true }),
          r('r0-1', 'env!="prod"'),
          r('r0-2', 'env="prod", region=""'),
        ],
      }),
      r('r1', 'team=~"db|web", severity!~"info|debug"', {
        routes: [
          r('r1-0', 'region=~"eu-.*"', { continue: true, routes: [r('r1-0-0', 'env="prod"')] }),
          r('r1-1', 'region=~"eu-west|us-.+"'),
        ],
      }),
      r('r2', 'severity="page"', { continue: true }),
      r('r3', 'env=""'),
      r('r4', ''),
    ],
  }),
);

describe('matchRoutes against amtool 0.25 `config routes test` (testdata/routing.json)', () => {
  test('the capture covers every combination and many multi-route outcomes', () => {
    assert.equal(routing.cases.length, 300);
    assert.ok(new Set(routing.cases.map((c) => c.receivers.join(','))).size >= 20);
  });
  test('all 300 label sets reach the same receivers in the same order', () => {
    const mismatches = routing.cases
      .map((c) => ({ labels: c.labels, expected: c.receivers, got: matchRoutes(tree, c.labels as Record<string, string>).map((x) => x.receiver) }))
      .filter((c) => c.got.join(',') !== c.expected.join(','));
    assert.deepEqual(mismatches, []);
  });
});
