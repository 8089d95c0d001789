// Text to a YAML document with line numbers; syntax errors become issues.
import { LineCounter, parseDocument } from 'yaml';
import { IssueList, YamlContext, YamlValue } from '../yaml/yaml-value';

export function parseYamlDocument(text: string, issues: IssueList): { root: YamlValue; empty: boolean } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, keepSourceTokens: true, version: '1.1', uniqueKeys: false, prettyErrors: false });
  const ctx: YamlContext = { doc, lines, issues };
  for (const err of doc.errors) {
    const line = lines.linePos(err.pos[0]).line;
    issues.add({ path: '', line }, `yaml: ${err.message.split('\n')[0]}`);
  }
  const root = YamlValue.of(doc.errors.length > 0 ? null : doc.contents, '', ctx, 1);
  return { root, empty: doc.contents == null || root.isNull };
}
