// Public API of libs/config: loading, validating and writing back alertmanager.yml, time intervals.
export * from './types';
export { ConfigError, ConfigIssue, formatConfigIssue } from './config-error';
export { ConfigFileReader, fsConfigFileReader } from './config-file-reader';
export { parseConfig, loadConfigFile, ParseConfigOptions } from './load/parse-config';
export { timeIntervalsContain, timeIntervalContains } from './time-interval/time-intervals-contain';
export { UNSUPPORTED_INTEGRATIONS } from './load/unsupported-integrations';
export { configToYaml, configToObject } from './write/config-to-yaml';
export { checkConfigFiles, CheckConfigOptions, CheckConfigResult } from './check/check-config-files';
