// The plan in force in this process, replaced on every successful reload.
import { Injectable } from '@nestjs/common';
import { ConfigStore } from '../config/config-store';
import { DispatchPlan } from './dispatch-plan';

@Injectable()
export class DispatchState {
  private currentPlan: DispatchPlan;

  constructor(configStore: ConfigStore) {
    this.currentPlan = new DispatchPlan(configStore.config);
  }

  get plan(): DispatchPlan {
    return this.currentPlan;
  }

  replace(plan: DispatchPlan): void {
    this.currentPlan = plan;
  }
}
