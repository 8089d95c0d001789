import type { Provider } from '@nestjs/common';
import { AlertMirror, AlertRepository, PeerRegistry, SilenceRepository } from '../../../../libs/store/src';
import { KlaxonRuntime } from '../runtime/klaxon-runtime';

/** The Redis repositories, over the process's fail-fast command client. */
export const STORE_PROVIDERS: Provider[] = [
  { provide: AlertRepository, useFactory: (rt: KlaxonRuntime) => new AlertRepository(rt.redis), inject: [KlaxonRuntime] },
  { provide: AlertMirror, useFactory: (rt: KlaxonRuntime) => new AlertMirror(rt.redis), inject: [KlaxonRuntime] },
  { provide: SilenceRepository, useFactory: (rt: KlaxonRuntime) => new SilenceRepository(rt.redis), inject: [KlaxonRuntime] },
  { provide: PeerRegistry, useFactory: (rt: KlaxonRuntime) => new PeerRegistry(rt.redis), inject: [KlaxonRuntime] },
];
