// Redis repositories (plain classes over ioredis): alerts, silences, peers.
export { AlertRepository, AlertWriteConflictError, IngestResult } from './alerts/alert-repository';
export { ALERTS_KEY, ALERT_EVENTS_KEY, ALERT_EVENTS_MAXLEN } from './alerts/alert-keys';
export { encodeAlert, decodeAlert } from './alerts/alert-codec';
export { AlertMirror } from './alerts/alert-mirror';
export { SilenceRepository, SilenceLimitError, SilenceSnapshot } from './silences/silence-repository';
export { SILENCES_KEY, SILENCES_VERSION_KEY } from './silences/silence-keys';
export { encodeSilence, decodeSilence, silenceSizeBytes } from './silences/silence-codec';
export { PeerRegistry, Peer, PEERS_KEY, PEER_ADDRESSES_KEY, PEER_TIMEOUT_MS } from './peers/peer-registry';
export * from './dispatch';
export * from './history';
