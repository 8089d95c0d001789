import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { KlaxonConfig, loadConfigFile } from '../../../../libs/config/src';
import type { Logger } from '../logging/logger';

export type ConfigListener = (config: KlaxonConfig) => void | Promise<void>;

/**
 * The configuration in force, and reloading it: a failed reload keeps the running
 * configuration and says why (as Alertmanager).
 */
export class ConfigStore {
  private current: KlaxonConfig;
  private currentHash: string;
  private lastReloadSuccessful = true;
  private lastReloadAt = new Date();
  private readonly listeners: ConfigListener[] = [];

  constructor(private readonly path: string, private readonly logger: Logger, initial?: KlaxonConfig) {
    this.current = initial ?? loadConfigFile(path);
    this.currentHash = hashFile(path);
  }

  get config(): KlaxonConfig {
    return this.current;
  }

  get hash(): string {
    return this.currentHash;
  }

  get reloadStatus(): { successful: boolean; at: Date } {
    return { successful: this.lastReloadSuccessful, at: this.lastReloadAt };
  }

  onChange(listener: ConfigListener): void {
    this.listeners.push(listener);
  }

  /** Reloads the file; throws (keeping the old config) if it does not load. */
  async reload(): Promise<void> {
    this.logger.info('Loading configuration file', { component: 'configuration', file: this.path });
    let next: KlaxonConfig;
    try {
      next = loadConfigFile(this.path);
    } catch (err) {
      this.lastReloadSuccessful = false;
      this.lastReloadAt = new Date();
      this.logger.error('Loading configuration file failed', { component: 'configuration', file: this.path, err: (err as Error).message });
      throw err;
    }
    this.current = next;
    this.currentHash = hashFile(this.path);
    this.lastReloadSuccessful = true;
    this.lastReloadAt = new Date();
    for (const warning of next.warnings) this.logger.warn(warning, { component: 'configuration' });
    for (const listener of this.listeners) await listener(next);
    this.logger.info('Completed loading of configuration file', { component: 'configuration', file: this.path });
  }
}

function hashFile(path: string): string {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return '';
  }
}
