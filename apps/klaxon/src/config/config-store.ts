import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { KlaxonConfig, loadConfigFile } from '../../../../libs/config/src';
import type { Logger } from '../logging/logger';
import type { TemplateSet } from '../../../../libs/template/src';
import { loadTemplateGlobs } from './template-files';

export type ConfigListener = (config: KlaxonConfig) => void | Promise<void>;

/**
 * The configuration in force with its templates (Klaxon's defaults plus the `templates:` files),
 * and reloading both: a failed reload (config or template error) keeps the running configuration
 * and templates and says why (as Alertmanager).
 */
export class ConfigStore {
  private currentConfig: KlaxonConfig;
  private currentTemplates: TemplateSet;
  private currentHash: string;
  private lastReloadSuccessful = true;
  private lastReloadAt = new Date();
  private readonly listeners: ConfigListener[] = [];

  constructor(private readonly path: string, private readonly logger: Logger, initial?: KlaxonConfig) {
    this.currentConfig = initial ?? loadConfigFile(path);
    this.currentTemplates = loadTemplateGlobs(this.currentConfig.templates);
    this.currentHash = hashFile(path);
  }

  get config(): KlaxonConfig {
    return this.currentConfig;
  }

  /** The templates in force (never mutate: clone to add definitions). */
  get templates(): TemplateSet {
    return this.currentTemplates;
  }

  /** As a template source for notifiers: the templates in force at the time of asking. */
  current(): TemplateSet {
    return this.currentTemplates;
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
    let nextTemplates: TemplateSet;
    try {
      next = loadConfigFile(this.path);
      nextTemplates = loadTemplateGlobs(next.templates);
    } catch (err) {
      this.lastReloadSuccessful = false;
      this.lastReloadAt = new Date();
      this.logger.error('Loading configuration file failed', { component: 'configuration', file: this.path, err: (err as Error).message });
      throw err;
    }
    this.currentConfig = next;
    this.currentTemplates = nextTemplates;
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
