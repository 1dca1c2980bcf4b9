#!/usr/bin/env node
// Builds the server (swc, path aliases rewritten) into dist/ and the web console (vite) into dist/web.
// `--if-stale`: only when a source is newer than the last build (what `npm start` uses).
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const swc = require('@swc/core');
const { swcOptions, root } = require('./swc-options');

const SERVER_DIRS = ['apps/api/src', 'apps/worker/src', 'libs', 'config', 'bench'];
const WEB_DIR = 'apps/web';
const OUT = path.join(root, 'dist');

function walk(dir, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

function newest(files) {
  return files.reduce((m, f) => Math.max(m, fs.statSync(f).mtimeMs), 0);
}

function stampTime(name) {
  const f = path.join(OUT, name);
  return fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0;
}

function touch(name) {
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, name), new Date().toISOString());
}

function buildServer() {
  const opts = swcOptions();
  let n = 0;
  for (const dir of SERVER_DIRS) {
    for (const file of walk(path.join(root, dir))) {
      const rel = path.relative(root, file);
      if (/\.(spec|e2e-spec)\.ts$/.test(file)) continue;
      const target = path.join(OUT, rel).replace(/\.ts$/, '.js');
      fs.mkdirSync(path.dirname(target), { recursive: true });
      if (file.endsWith('.ts')) {
        const { code, map } = swc.transformFileSync(file, { ...opts, filename: file, sourceFileName: path.relative(path.dirname(target), file) });
        fs.writeFileSync(target, code + `\n//# sourceMappingURL=${path.basename(target)}.map`);
        if (map) fs.writeFileSync(target + '.map', map);
        n++;
      } else if (file.endsWith('.json')) {
        fs.copyFileSync(file, target);
      }
    }
  }
  touch('.server-stamp');
  console.log(`build: server, ${n} files`);
}

function buildWeb() {
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', path.join(root, WEB_DIR, 'vite.config.mts'), '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  touch('.web-stamp');
  console.log('build: web console');
}

const ifStale = process.argv.includes('--if-stale');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const lock = [path.join(root, 'package-lock.json')];
if (only !== 'web') {
  const sources = SERVER_DIRS.flatMap((d) => walk(path.join(root, d))).concat(lock);
  if (!ifStale || newest(sources) > stampTime('.server-stamp')) buildServer();
}
if (only !== 'server') {
  const sources = walk(path.join(root, WEB_DIR)).concat(lock);
  if (!ifStale || newest(sources) > stampTime('.web-stamp')) buildWeb();
}
