// Notification data shared by the unit tests (not part of the public API).
import { buildTemplateData, TemplateAlert } from './alert-data';

export function firingAlert(overrides: Partial<TemplateAlert> = {}): TemplateAlert {
  return {
    status: 'firing',
    labels: { alertname: 'HighLatency', service: 'api', env: 'prod', severity: 'critical' },
    annotations: { summary: 'p99 above 1s' },
    startsAt: new Date('2026-11-24T01:45:37.052Z'),
    endsAt: new Date('2026-11-24T02:45:37Z'),
    generatorURL: 'http://prometheus.example/graph?g0.expr=up',
    fingerprint: 'd9f2464086155b19',
    ...overrides,
  };
}

export function sampleData(alerts: TemplateAlert[] = [firingAlert(), firingAlert({ labels: { ...firingAlert().labels, instance: 'b' } })]) {
  return buildTemplateData({
    receiver: 'team-x.y',
    groupLabels: { alertname: 'HighLatency', service: 'api' },
    alerts,
    externalURL: 'http://am.example:9093',
  });
}
