// Test helper: configToYaml output as amtool 0.25 can read it back. Since Alertmanager 0.26 a
// webhook `url` is a secret, written `<secret>` and read back as is; 0.25 predates that and
// rejects it (`unsupported scheme "" for URL`), so each such line gets a stand-in URL.
export const WEBHOOK_URL_STAND_IN = 'http://webhook-url.invalid/';

export function forAmtool025(written: string): string {
  return written.replace(/^(\s*(?:- )?url): <secret>$/gm, `$1: ${WEBHOOK_URL_STAND_IN}`);
}
