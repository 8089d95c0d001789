import { DynamicModule, Module, Type } from '@nestjs/common';
import { HealthController } from './health/health.controller';
import { ReloadController } from './config/reload.controller';
import { KlaxonRuntime } from './runtime/klaxon-runtime';
import { ConfigStore } from './config/config-store';
import { ApiModule } from './api/api.module';
import { DispatcherModule } from './dispatcher/dispatcher.module';
import { MetricsModule } from './metrics/metrics.module';
import { StoreModule } from './store/store.module';
import { ReceiversModule } from './receivers/receivers.module';

/** The whole process: which parts run depends on `--roles`. */
@Module({})
export class AppModule {
  static forRuntime(runtime: KlaxonRuntime, configStore: ConfigStore): DynamicModule {
    const parts: Type[] = [];
    if (runtime.options.roles.has('api')) parts.push(ApiModule, ReceiversModule);
    if (runtime.options.roles.has('worker')) parts.push(DispatcherModule);
    return {
      module: AppModule,
      global: true,
      imports: [StoreModule, MetricsModule, ...parts],
      controllers: [HealthController, ReloadController],
      providers: [
        { provide: KlaxonRuntime, useValue: runtime },
        { provide: ConfigStore, useValue: configStore },
      ],
      exports: [KlaxonRuntime, ConfigStore],
    };
  }
}
