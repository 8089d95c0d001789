// Alertmanager's depth-first route matching with `continue`.
import { LabelSet, matchesLabels } from '../../core/src';
import type { Route } from './route-tree';

/**
 * The routes an alert with `labels` lands in: a matching node's children are tried in order,
 * stopping after the first matching child without `continue`; a matching node whose children
 * all fail is itself the match. Empty when the root does not match.
 */
export function matchRoutes(route: Route, labels: LabelSet): Route[] {
  if (!matchesLabels(route.matchers, labels)) return [];
  const matched: Route[] = [];
  for (const child of route.routes) {
    const childMatches = matchRoutes(child, labels);
    matched.push(...childMatches);
    if (childMatches.length > 0 && !child.continue) break;
  }
  return matched.length > 0 ? matched : [route];
}
