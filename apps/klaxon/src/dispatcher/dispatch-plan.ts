// What the dispatcher needs from one loaded configuration, indexed for fast lookups.
import type { KlaxonConfig, NamedTimeInterval, ReceiverConfig } from '../../../../libs/config/src';
import { InhibitRule, Route, buildRouteTree, walkRoutes } from '../../../../libs/dispatch/src';

export class DispatchPlan {
  readonly tree: Route;
  readonly routesById = new Map<string, Route>();
  readonly receivers: ReadonlyMap<string, ReceiverConfig>;
  readonly inhibitRules: readonly InhibitRule[];
  readonly timeIntervals: ReadonlyMap<string, NamedTimeInterval>;

  constructor(readonly config: KlaxonConfig) {
    this.tree = buildRouteTree(config.route);
    walkRoutes(this.tree, (route) => this.routesById.set(route.id, route));
    this.receivers = new Map(config.receivers.map((r) => [r.name, r]));
    this.inhibitRules = config.inhibitRules;
    this.timeIntervals = config.timeIntervals;
  }
}
