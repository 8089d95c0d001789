export { NotificationHistory, HISTORY_KEY, HistoryRetention, DEFAULT_HISTORY_RETENTION } from './notification-history';
export { DeliveryRecord, NewDeliveryRecord, DeliveryQuery, DeliveryPage, DeliveryOutcome, DeliveryReason } from './delivery-record';
