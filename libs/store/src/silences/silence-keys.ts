// Redis keys of the silence store (docs/redis-keys.md).
export const SILENCES_KEY = 'klaxon:silences';
export const SILENCES_VERSION_KEY = 'klaxon:silences:version';
