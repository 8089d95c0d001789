import { Injectable } from '@nestjs/common';
import type { KlaxonConfig } from '../../../../../libs/config/src';
import { timeIntervalsContain } from '../../../../../libs/config/src';
import { buildRouteTree, Route } from '../../../../../libs/dispatch/src';
import { ConfigStore } from '../../config/config-store';

/** The routing tree of the configuration in force, built once per configuration. */
@Injectable()
export class RoutingView {
  private builtFor?: KlaxonConfig;
  private tree?: Route;

  constructor(private readonly configStore: ConfigStore) {}

  get config(): KlaxonConfig {
    return this.configStore.config;
  }

  get root(): Route {
    const config = this.configStore.config;
    if (this.builtFor !== config || !this.tree) {
      this.tree = buildRouteTree(config.route);
      this.builtFor = config;
    }
    return this.tree;
  }

  /**
   * The time intervals muting `route` at `now`: its mute intervals that contain now, or,
   * when it has active intervals and none contains now, those active intervals.
   */
  mutedBy(route: Route, now: number): string[] {
    const intervals = this.configStore.config.timeIntervals;
    const at = new Date(now);
    const contains = (name: string) => {
      const interval = intervals.get(name);
      return interval !== undefined && timeIntervalsContain(interval.timeIntervals, at);
    };
    const muting = route.muteTimeIntervals.filter(contains);
    if (muting.length > 0) return muting;
    if (route.activeTimeIntervals.length > 0 && !route.activeTimeIntervals.some(contains)) return [...route.activeTimeIntervals];
    return [];
  }
}
