import { Counter, Gauge, Histogram, MetricsRegistry } from '../../../../libs/metrics/src';

export const INTEGRATIONS = ['email', 'opsgenie', 'pagerduty', 'webhook'] as const;
export const FAILURE_REASONS = ['other', 'clientError', 'serverError', 'contextCanceled', 'contextDeadlineExceeded'] as const;

/**
 * The metrics this process reports, under Alertmanager's names, types and labels (so the public
 * Alertmanager mixin works unchanged), plus Klaxon's own under `klaxon_`. Counters count this
 * process's own work; cluster-wide state gauges are set by `StateMetricsCollector`.
 */
export class KlaxonMetrics {
  readonly registry = new MetricsRegistry();

  readonly alertsReceived: Counter = this.registry.counter('alertmanager_alerts_received_total', 'The total number of received alerts.', ['status', 'version']);
  readonly alertsInvalid: Counter = this.registry.counter('alertmanager_alerts_invalid_total', 'The total number of received alerts that were invalid.', ['version']);
  readonly notifications: Counter = this.registry.counter('alertmanager_notifications_total', 'The total number of attempted notifications.', ['integration']);
  readonly notificationsFailed: Counter = this.registry.counter('alertmanager_notifications_failed_total', 'The total number of failed notifications.', ['integration', 'reason']);
  readonly notificationRequests: Counter = this.registry.counter('alertmanager_notification_requests_total', 'The total number of attempted notification requests.', ['integration']);
  readonly notificationRequestsFailed: Counter = this.registry.counter('alertmanager_notification_requests_failed_total', 'The total number of failed notification requests.', ['integration']);
  readonly notificationLatency: Histogram = this.registry.histogram('alertmanager_notification_latency_seconds', 'The latency of notifications in seconds.', ['integration'], [1, 5, 10, 15, 20]);
  readonly httpRequestDuration: Histogram = this.registry.histogram('alertmanager_http_request_duration_seconds', 'Histogram of latencies for HTTP requests.', ['handler', 'method', 'code'], [0.05, 0.1, 0.25, 0.5, 0.75, 1, 2, 4, 8, 20, 60, 120]);
  readonly httpConcurrencyLimitExceeded: Counter = this.registry.counter('alertmanager_http_concurrency_limit_exceeded_total', 'Total number of times an HTTP request failed because the concurrency limit was reached.', ['method']);

  readonly buildInfo: Gauge = this.registry.gauge('alertmanager_build_info', "A metric with a constant '1' value labeled by version, revision, branch, goversion from which alertmanager was built, and the goos and goarch for the build.", ['version', 'revision', 'branch', 'goversion', 'goos', 'goarch']);
  readonly configHash: Gauge = this.registry.gauge('alertmanager_config_hash', 'Hash of the currently loaded alertmanager configuration.');
  readonly configLastReloadSuccessful: Gauge = this.registry.gauge('alertmanager_config_last_reload_successful', 'Whether the last configuration reload attempt was successful.');
  readonly configLastReloadSuccessTimestamp: Gauge = this.registry.gauge('alertmanager_config_last_reload_success_timestamp_seconds', 'Timestamp of the last successful configuration reload.');
  readonly receivers: Gauge = this.registry.gauge('alertmanager_receivers', 'Number of configured receivers.');
  readonly integrations: Gauge = this.registry.gauge('alertmanager_integrations', 'Number of configured integrations.');
  readonly clusterEnabled: Gauge = this.registry.gauge('alertmanager_cluster_enabled', 'Indicates whether the clustering is enabled or not.');

  // Cluster-wide state, reported by one process at a time (see StateMetricsCollector).
  readonly alerts: Gauge = this.registry.gauge('alertmanager_alerts', 'How many alerts by state.', ['state']);
  readonly silences: Gauge = this.registry.gauge('alertmanager_silences', 'How many silences by state.', ['state']);
  readonly aggregationGroups: Gauge = this.registry.gauge('alertmanager_dispatcher_aggregation_groups', 'Number of active aggregation groups');
  readonly clusterMembers: Gauge = this.registry.gauge('alertmanager_cluster_members', 'Number indicating current number of members in cluster.');

  // Klaxon's own.
  readonly stateReporter: Gauge = this.registry.gauge('klaxon_state_metrics_reporter', '1 if this process reports the cluster-wide state gauges (alerts, silences, groups, queues), else 0.');
  readonly queueJobs: Gauge = this.registry.gauge('klaxon_queue_jobs', 'BullMQ jobs per queue and state.', ['queue', 'state']);
  readonly redisLatency: Gauge = this.registry.gauge('klaxon_redis_latency_seconds', 'Round-trip time of a Redis PING at the last scrape.');
  readonly oldestPendingFlush: Gauge = this.registry.gauge('klaxon_oldest_pending_flush_seconds', 'How long the most overdue aggregation-group flush has been due (0 when none is late).');
  readonly processCpu: Gauge = this.registry.gauge('process_cpu_seconds_total', 'Total user and system CPU time spent in seconds.');
  readonly processRss: Gauge = this.registry.gauge('process_resident_memory_bytes', 'Resident memory size in bytes.');
  readonly processHeap: Gauge = this.registry.gauge('nodejs_heap_used_bytes', 'V8 heap in use, in bytes.');
  readonly processStart: Gauge = this.registry.gauge('process_start_time_seconds', 'Start time of the process since unix epoch in seconds.');
  readonly processOpenFds: Gauge = this.registry.gauge('process_open_fds', 'Number of open file descriptors.');

  constructor(version: string) {
    this.buildInfo.set({ version, revision: '', branch: '', goversion: process.version, goos: process.platform, goarch: process.arch }, 1);
    for (const integration of INTEGRATIONS) {
      this.notifications.touch({ integration });
      this.notificationRequests.touch({ integration });
      this.notificationRequestsFailed.touch({ integration });
      for (const reason of FAILURE_REASONS) this.notificationsFailed.touch({ integration, reason });
    }
    for (const status of ['firing', 'resolved']) this.alertsReceived.touch({ status, version: 'v2' });
    this.alertsInvalid.touch({ version: 'v2' });
    this.httpConcurrencyLimitExceeded.touch({ method: 'get' });
    this.clusterEnabled.set({}, 0);
    this.processStart.set({}, Math.round(Date.now() / 1000 - process.uptime()));
  }
}
