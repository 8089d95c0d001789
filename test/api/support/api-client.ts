// Small HTTP helpers for the API tests.

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON (undefined when empty). */
  json: unknown;
}

export async function request(url: string, init: RequestInit = {}): Promise<ApiResponse> {
  const res = await fetch(url, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export function postJson(url: string, body: unknown): Promise<ApiResponse> {
  return request(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

export interface GettableAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  fingerprint: string;
  startsAt: string;
  endsAt: string;
  updatedAt: string;
  generatorURL?: string;
  receivers: { name: string }[];
  status: { state: string; silencedBy: string[]; inhibitedBy: string[]; mutedBy: string[] };
}

export interface GettableSilence {
  id: string;
  status: { state: string };
  matchers: { name: string; value: string; isRegex: boolean; isEqual: boolean }[];
  startsAt: string;
  endsAt: string;
  updatedAt: string;
  createdBy: string;
  comment: string;
  annotations?: Record<string, string>;
}

export const iso = (ms: number) => new Date(ms).toISOString();

export function silenceBody(matchers: [string, string, boolean?][], fields: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Date.now();
  return {
    matchers: matchers.map(([name, value, isRegex]) => ({ name, value, isRegex: isRegex ?? false, isEqual: true })),
    startsAt: iso(now),
    endsAt: iso(now + 3_600_000),
    createdBy: 'tester',
    comment: 'test',
    ...fields,
  };
}

export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
