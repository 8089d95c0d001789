// The few API v2 calls the scenarios make (the same against Klaxon and Alertmanager).
export async function postAlerts(baseUrl: string, alerts: unknown[]): Promise<void> {
  const res = await fetch(`${baseUrl}/api/v2/alerts`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(alerts) });
  if (res.status !== 200) throw new Error(`POST /api/v2/alerts: ${res.status} ${await res.text()}`);
}

export async function postSilence(baseUrl: string, silence: unknown): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v2/silences`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(silence) });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`POST /api/v2/silences: ${res.status} ${text}`);
  return (JSON.parse(text) as { silenceID: string }).silenceID;
}

export async function deleteSilence(baseUrl: string, id: string): Promise<void> {
  const res = await fetch(`${baseUrl}/api/v2/silence/${id}`, { method: 'DELETE' });
  if (res.status !== 200) throw new Error(`DELETE /api/v2/silence/${id}: ${res.status} ${await res.text()}`);
}

export interface GettableAlert {
  labels: Record<string, string>;
  fingerprint: string;
  status: { state: string; silencedBy: string[]; inhibitedBy: string[] };
}

export async function getAlerts(baseUrl: string, query = ''): Promise<GettableAlert[]> {
  const res = await fetch(`${baseUrl}/api/v2/alerts${query}`);
  if (res.status !== 200) throw new Error(`GET /api/v2/alerts: ${res.status} ${await res.text()}`);
  return (await res.json()) as GettableAlert[];
}
