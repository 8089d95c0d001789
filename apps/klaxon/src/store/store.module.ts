import { Global, Module } from '@nestjs/common';
import { STORE_PROVIDERS } from './store-providers';

/**
 * The Redis repositories, one of each per process for every role: the API, the metrics and the
 * receivers share them (one in-process alert mirror, not one per user).
 */
@Global()
@Module({ providers: STORE_PROVIDERS, exports: STORE_PROVIDERS })
export class StoreModule {}
