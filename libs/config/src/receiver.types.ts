// Receivers and the integrations Klaxon delivers, with global inheritance and defaults applied.
import type { HttpConfig, TlsConfig } from './http-config.types';

export interface ReceiverConfig {
  name: string;
  /** Receiver labels (0.33); always contains `name`. */
  labels: Record<string, string>;
  emailConfigs: EmailConfig[];
  pagerdutyConfigs: PagerdutyConfig[];
  opsgenieConfigs: OpsgenieConfig[];
  webhookConfigs: WebhookConfig[];
}

export interface EmailThreading {
  enabled: boolean;
  threadByDate: string; // 'daily' | 'none'
}

export interface EmailConfig {
  sendResolved: boolean;
  to: string;
  from: string;
  hello: string;
  smarthost: string; // host:port
  authUsername?: string;
  authPassword?: string;
  authPasswordFile?: string;
  authSecret?: string;
  authSecretFile?: string;
  authIdentity?: string;
  /** Canonical MIME keys; From, To and Subject always present. */
  headers: Record<string, string>;
  html: string;
  text?: string;
  requireTls: boolean;
  forceImplicitTls?: boolean;
  tlsConfig?: TlsConfig;
  threading?: EmailThreading;
}

export interface PagerdutyImage {
  src?: string;
  alt?: string;
  href?: string;
}

export interface PagerdutyLink {
  href?: string;
  text?: string;
}

export interface PagerdutyConfig {
  sendResolved: boolean;
  httpConfig: HttpConfig;
  routingKey?: string;
  routingKeyFile?: string;
  serviceKey?: string;
  serviceKeyFile?: string;
  url: string;
  client: string;
  clientUrl: string;
  description: string;
  details: Record<string, string>;
  images: PagerdutyImage[];
  links: PagerdutyLink[];
  source: string;
  severity?: string;
  class?: string;
  component?: string;
  group?: string;
  timeout: number; // ms, 0 = none
}

export interface OpsgenieResponder {
  id?: string;
  name?: string;
  username?: string;
  type: string;
}

export interface OpsgenieConfig {
  sendResolved: boolean;
  httpConfig: HttpConfig;
  apiKey?: string;
  apiKeyFile?: string;
  apiUrl: string; // always ends with '/'
  message: string;
  description: string;
  source: string;
  details: Record<string, string>;
  entity?: string;
  responders: OpsgenieResponder[];
  actions?: string;
  tags?: string;
  note?: string;
  priority?: string;
  updateAlerts: boolean;
}

export interface WebhookConfig {
  sendResolved: boolean;
  httpConfig: HttpConfig;
  url?: string;
  urlFile?: string; // resolved path; url holds its content
  maxAlerts: number;
  timeout: number; // ms, 0 = none
  payload?: unknown;
}
