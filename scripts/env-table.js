#!/usr/bin/env node
// Prints the README's configuration table from config/env.ts (run `npm run build` first).
const { describeEnv } = require('../dist/config/index.js');

const esc = (s) => String(s).replace(/\|/g, '\\|');
console.log('| variable | default | what it does |\n| --- | --- | --- |');
for (const r of describeEnv()) console.log(`| \`${r.name}\` | ${r.default ? '`' + esc(r.default) + '`' : '—'} | ${esc(r.description)} |`);
