// Alertmanager's notify.TruncateInRunes: at most n runes, the last one replaced by "…" when cut.
export function truncateRunes(s: string, n: number): { text: string; truncated: boolean } {
  const runes = Array.from(s);
  if (runes.length <= n) return { text: s, truncated: false };
  if (n <= 3) return { text: runes.slice(0, n).join(''), truncated: true };
  return { text: runes.slice(0, n - 1).join('') + '…', truncated: true };
}
