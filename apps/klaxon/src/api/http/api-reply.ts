import type { FastifyReply } from 'fastify';
import type { Logger } from '../../logging/logger';
import { ApiError } from './api-error';

/**
 * A JSON body with `Content-Type: application/json`. Handler payloads go through Go's
 * `json.Encoder` and end with a newline; router and validation errors do not.
 */
export function sendJson(reply: FastifyReply, status: number, body: unknown, newline = true): void {
  reply
    .code(status)
    .header('Content-Type', 'application/json')
    .send(Buffer.from(JSON.stringify(body) + (newline ? '\n' : '')));
}

const NEWLINE = Buffer.from('\n');

/** A JSON body already rendered, in pieces (a handler payload: ends with a newline). */
export function sendRenderedJson(reply: FastifyReply, status: number, pieces: readonly Buffer[]): void {
  reply
    .code(status)
    .header('Content-Type', 'application/json')
    .send(Buffer.concat([...pieces, NEWLINE]));
}

/** 200 with no body and no Content-Type (POST /alerts, DELETE /silence). */
export function sendEmpty(reply: FastifyReply, status = 200): void {
  reply.code(status).removeHeader('Content-Type').send();
}

export function sendApiError(reply: FastifyReply, error: ApiError): void {
  const body = error.body;
  if (body.kind === 'empty') return sendEmpty(reply, error.status);
  if (body.kind === 'string') return sendJson(reply, error.status, body.message);
  sendJson(reply, error.status, { code: body.code, message: body.message }, false);
}

/**
 * Runs a handler and answers its errors: `ApiError`s as they say, anything else (Redis away,
 * a bug) with `fallbackStatus` and the message as a JSON string. Server-side failures (5xx)
 * are logged.
 */
export async function answer(reply: FastifyReply, fallbackStatus: number, handler: () => Promise<void>, logger?: Logger): Promise<void> {
  try {
    await handler();
  } catch (err) {
    const error = err instanceof ApiError ? err : ApiError.text(fallbackStatus, (err as Error).message ?? String(err));
    if (error.status >= 500) {
      logger?.error('API request failed', { component: 'api', url: reply.request.url.split('?')[0], status: error.status, err: error.message });
    }
    sendApiError(reply, error);
  }
}
