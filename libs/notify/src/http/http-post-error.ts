// The one error type of httpPost and its HTTP/1.1 layer. It names a failure by a code only:
// URLs, headers and bodies may hold secrets, so they never go into a message.

/** A failed exchange, named by a code only. */
export class HttpPostError extends Error {
  constructor(readonly code: string) {
    super(`HTTP request failed: ${code}`);
    this.name = 'HttpPostError';
  }
}

/** `err` as an HttpPostError with the same code (socket and TLS errors carry one); their messages are dropped. */
export function toHttpPostError(err: unknown): HttpPostError {
  if (err instanceof HttpPostError) return err;
  const code = (err as { code?: unknown } | undefined)?.code;
  return new HttpPostError(typeof code === 'string' ? code : 'ERR_UNKNOWN');
}
