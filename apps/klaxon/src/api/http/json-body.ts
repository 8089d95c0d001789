// Reading a JSON request body with Go-like failure messages.
import { ApiError } from './api-error';
import { RawBody } from './install-api-http';

/** The JSON type name Go's decoder uses in `cannot unmarshal X into …`. */
export function goJsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  return typeof value; // string, number, boolean
}

/**
 * Parses the body as JSON; a body that is not JSON gets Alertmanager's 400
 * `parsing <what> body from "" failed, because …`; a body not declared as JSON gets 415.
 * An empty body yields `undefined` (the caller reports the missing body). Once parsed, the
 * body's text is released (`RawBody.release`).
 */
export function parseJsonBody(body: RawBody, what: string): unknown {
  if (body.tooLarge) throw ApiError.coded(413, `request body is larger than the limit of ${body.limit} bytes`);
  const mediaType = body.contentType.split(';')[0].trim().toLowerCase();
  if (body.text.trim() === '') return undefined;
  if (mediaType !== 'application/json') {
    throw ApiError.coded(415, `unsupported media type ${JSON.stringify(mediaType)}, only [application/json] are allowed`);
  }
  // Go's decoder would turn invalid bytes into U+FFFD and carry on; Klaxon refuses them instead,
  // so that no label is silently changed (no real client sends them: Go's encoder cannot).
  if (body.invalidUtf8) throw bodyError(what, 'the body is not valid UTF-8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.text);
  } catch (err) {
    throw bodyError(what, goSyntaxReason(body.text, err as Error));
  }
  body.release();
  return parsed;
}

export function bodyError(what: string, reason: string): ApiError {
  return ApiError.coded(400, `parsing ${what} body from "" failed, because ${reason}`);
}

/** Approximates Go's `encoding/json` syntax error text from JavaScript's. */
function goSyntaxReason(text: string, err: Error): string {
  // V8 names the position ("… in JSON at position 1"), or only the character ("Unexpected
  // token 'x', "…" is not valid JSON").
  const at = /position (\d+)/.exec(err.message);
  const ch = at ? text[Number(at[1])] : /^Unexpected token '(.)'/u.exec(err.message)?.[1];
  if (ch === undefined) return 'unexpected end of JSON input';
  return `invalid character ${JSON.stringify(ch).replace(/^"|"$/g, "'")} looking for beginning of value`;
}
