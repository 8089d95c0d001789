export { OpsgenieNotifier } from './opsgenie-notifier';
export { buildOpsgenieRequests, safeSplit, MESSAGE_MAX_RUNES } from './opsgenie-requests';
