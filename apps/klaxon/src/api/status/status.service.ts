import { Injectable } from '@nestjs/common';
import { configToYaml } from '../../../../../libs/config/src';
import { PeerRegistry } from '../../../../../libs/store/src';
import { VERSION } from '../../cli/usage';
import { ConfigStore } from '../../config/config-store';
import { KlaxonRuntime } from '../../runtime/klaxon-runtime';
import { formatApiTime } from '../http/api-time';

/** GET /api/v2/status: version, start time, the Klaxon processes on this Redis, the config as YAML. */
@Injectable()
export class StatusService {
  private yamlFor?: { config: unknown; yaml: string };

  constructor(
    private readonly runtime: KlaxonRuntime,
    private readonly configStore: ConfigStore,
    private readonly peers: PeerRegistry,
  ) {}

  async status(now = Date.now()): Promise<Record<string, unknown>> {
    const live = await this.peers.live(now);
    const self = { name: this.runtime.peerName, address: this.runtime.listenAddress ?? '' };
    const peers = live.some((p) => p.name === self.name) ? live : [...live, self].sort((a, b) => (a.name < b.name ? -1 : 1));
    return {
      cluster: {
        name: this.runtime.peerName,
        peers: peers.map((p) => ({ address: p.address, name: p.name })),
        status: 'ready',
      },
      config: { original: this.originalConfig() },
      uptime: formatApiTime(this.runtime.startedAt.getTime()),
      versionInfo: {
        branch: 'main',
        buildDate: '',
        buildUser: 'klaxon',
        goVersion: `node${process.versions.node}`,
        revision: '',
        version: VERSION,
      },
    };
  }

  /** The loaded config written back with defaults filled in and secrets as `<secret>`. */
  private originalConfig(): string {
    const config = this.configStore.config;
    if (this.yamlFor?.config !== config) this.yamlFor = { config, yaml: configToYaml(config) };
    return this.yamlFor.yaml;
  }
}
