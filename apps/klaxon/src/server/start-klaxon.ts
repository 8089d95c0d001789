import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LoggerService } from '@nestjs/common';
import { hostname } from 'node:os';
import { AppModule } from '../app.module';
import { KlaxonOptions, resolveExternalUrl } from '../cli/klaxon-options';
import { ConfigStore } from '../config/config-store';
import { Logger } from '../logging/logger';
import { KlaxonRuntime } from '../runtime/klaxon-runtime';
import { installUnmatchedRouteHandler } from '../http/unmatched-routes';
import { openRedis, OpenedRedis } from './open-redis';
import { installRequestLimits } from '../http/request-limits';
import { loadWebConfig, WebConfig } from '../web/web-config';
import { httpsOptions, installWebSecurity } from '../web/web-security';
import { KlaxonMetrics } from '../metrics/klaxon-metrics';
import { installHttpMetrics } from '../metrics/http-metrics';

export interface RunningKlaxon {
  readonly app: NestFastifyApplication;
  readonly runtime: KlaxonRuntime;
  stop(): Promise<void>;
}

/** Loads the config, opens Redis (embedded by default), starts the HTTP server and the workers. */
export async function startKlaxon(options: KlaxonOptions, logger: Logger): Promise<RunningKlaxon> {
  logger.info('Starting Klaxon', { version: process.env.npm_package_version ?? 'dev', roles: [...options.roles].join(',') });
  if (options.ignoredFlags.length > 0) {
    logger.info('Ignoring Alertmanager cluster flags: Klaxon replicas coordinate through Redis', { flags: options.ignoredFlags.join(',') });
  }

  logger.info('Loading configuration file', { component: 'configuration', file: options.configFile });
  const configStore = new ConfigStore(options.configFile, logger);
  for (const warning of configStore.config.warnings) logger.warn(warning, { component: 'configuration' });
  logger.info('Completed loading of configuration file', { component: 'configuration', file: options.configFile });

  const webConfig: WebConfig | undefined = options.webConfigFile ? loadWebConfig(options.webConfigFile) : undefined;

  const redis: OpenedRedis = await openRedis(options, logger);
  const runtime = new KlaxonRuntime(options, logger, redis.client, redis.location);

  const https = webConfig ? httpsOptions(webConfig) : undefined;
  const adapter = new FastifyAdapter({ bodyLimit: options.maxAlertsBodyBytes, return503OnClosing: true, ...(https ? { https } : {}) });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRuntime(runtime, configStore), adapter, {
    logger: nestLogger(logger),
  });
  if (options.routePrefix !== '/') app.setGlobalPrefix(options.routePrefix);
  const fastify = app.getHttpAdapter().getInstance();
  if (webConfig) installWebSecurity(fastify, webConfig);
  const metrics = app.get(KlaxonMetrics);
  installHttpMetrics(fastify, metrics, options.routePrefix);
  installRequestLimits(fastify, options.getConcurrency, options.webTimeoutMs, () => metrics.httpConcurrencyLimitExceeded.inc({ method: 'get' }));
  installUnmatchedRouteHandler(fastify, options.routePrefix);
  await app.init();

  await app.listen(options.listenPort, options.listenHost || '::');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : options.listenPort;
  const host = options.listenHost === '' ? '[::]' : options.listenHost.includes(':') ? `[${options.listenHost}]` : options.listenHost;
  runtime.setListening(`${host}:${port}`, resolveExternalUrl(options.externalUrl, hostname(), port));
  logger.info('Listening on', { address: `${host}:${port}` });

  let stopped = false;
  return {
    app,
    runtime,
    async stop() {
      if (stopped) return;
      stopped = true;
      await app.close();
      await redis.close();
    },
  };
}

function nestLogger(logger: Logger): LoggerService {
  const nest = logger.with({ component: 'nest' });
  return {
    log: (message: unknown) => nest.debug(String(message)),
    error: (message: unknown) => nest.error(String(message)),
    warn: (message: unknown) => nest.warn(String(message)),
    debug: (message: unknown) => nest.debug(String(message)),
    verbose: (message: unknown) => nest.debug(String(message)),
  };
}
