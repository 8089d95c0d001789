// Alertmanager's API error bodies (reference 1.1): a JSON string from the handlers,
// `{code,message}` from the router and the schema validation, or no body at all.

export type ApiErrorBody =
  | { kind: 'string'; message: string }
  | { kind: 'code'; code: number; message: string }
  | { kind: 'empty' };

export class ApiError extends Error {
  constructor(readonly status: number, readonly body: ApiErrorBody) {
    super(body.kind === 'empty' ? `HTTP ${status}` : body.message);
  }

  /** A handler error: the body is the JSON string of `message`. */
  static text(status: number, message: string): ApiError {
    return new ApiError(status, { kind: 'string', message });
  }

  /** A go-swagger validation error: 422 `{"code":6xx,"message":…}`. */
  static validation(code: number, message: string): ApiError {
    return new ApiError(422, { kind: 'code', code, message });
  }

  /** A request the router or the body parser rejects: `{"code":<status>,"message":…}`. */
  static coded(status: number, message: string): ApiError {
    return new ApiError(status, { kind: 'code', code: status, message });
  }

  static empty(status: number): ApiError {
    return new ApiError(status, { kind: 'empty' });
  }
}

/** go-openapi's error codes for schema violations. */
export const VALIDATION = {
  invalidType: 601,
  required: 602,
  tooFewItems: 612,
} as const;
