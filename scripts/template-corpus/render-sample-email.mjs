#!/usr/bin/env node
// Regenerates docs/sample-email.html: Klaxon's default email body (email.default.html) for the
// notification in sample-email-data.json, rendered by `klaxon template render` (build first).
import { createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
const root = join(here, '..', '..');
const require = createRequire(import.meta.url);
const { runTemplateRender } = require(join(root, 'dist/apps/klaxon/src/commands/template-render.command.js'));

const out = createWriteStream(join(root, 'docs/sample-email.html'));
const code = await runTemplateRender(
  [
    `--template.glob=${join(here, 'no-user-templates', '*.tmpl')}`,
    '--template.text={{ template "email.default.html" . }}',
    '--template.type=html',
    `--template.data=${join(here, 'sample-email-data.json')}`,
  ],
  out,
  process.stderr,
);
out.end('\n');
process.exitCode = code;
