import { FLAG_DEFINITIONS } from './flag-definitions';

export const VERSION = '0.34.0-klaxon.0.1.0';

export function versionText(): string {
  return [
    `klaxon, version ${VERSION} (alertmanager-compatible API 0.34)`,
    `  node version:     ${process.version}`,
    `  platform:         ${process.platform}/${process.arch}`,
  ].join('\n');
}

export function usageText(): string {
  const lines = [
    'usage: klaxon [<flags>]',
    '       klaxon check-config <file>...',
    '       klaxon template render --template.glob=GLOB --template.text=TEXT [--template.data=FILE] [--template.type=text|html]',
    '',
    'An alert router compatible with Prometheus Alertmanager.',
    '',
    'Flags:',
    '  -h, --help  Show help.',
    '      --version  Show application version.',
  ];
  for (const d of FLAG_DEFINITIONS) {
    if (d.ignored && d.name.startsWith('cluster.')) continue;
    const value = d.kind === 'bool' ? '' : d.defaultValue !== undefined ? `=${JSON.stringify(d.defaultValue)}` : `=${d.placeholder ?? d.name.toUpperCase()}`;
    lines.push(`      --${d.name}${value}`, `          ${d.help}`);
  }
  lines.push('      --cluster.*  Every Alertmanager cluster flag is accepted and ignored: Klaxon replicas share state through Redis.');
  return lines.join('\n') + '\n';
}
