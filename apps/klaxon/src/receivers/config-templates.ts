// The templates of the configuration in force: defaults plus the `templates:` files, loaded again for
// each new configuration (a reload re-reads the files, as Alertmanager does).
import type { KlaxonConfig } from '../../../../libs/config/src';
import type { TemplateSource } from '../../../../libs/notify/src';
import type { TemplateSet } from '../../../../libs/template/src';
import type { ConfigStore } from '../config/config-store';
import { loadTemplateSet } from './template-loader';

export class ConfigTemplates implements TemplateSource {
  private loadedFor?: KlaxonConfig;
  private set?: TemplateSet;

  constructor(private readonly configStore: ConfigStore) {}

  current(): TemplateSet {
    const config = this.configStore.config;
    if (this.loadedFor !== config || !this.set) {
      this.set = loadTemplateSet(config.templates);
      this.loadedFor = config;
    }
    return this.set;
  }
}
