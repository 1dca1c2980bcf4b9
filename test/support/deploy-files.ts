import * as fs from 'fs';
import * as path from 'path';
import { loadAll, YAML11_SCHEMA } from 'js-yaml';
import { ENV_VARS, PLATFORMS, platformEnvName } from '@kabar/config';

export const DEPLOY = path.resolve(__dirname, '../../deploy');
export const ROOT = path.resolve(__dirname, '../..');

/** Every environment variable the product reads (config/env.ts), platform URLs and OAuth settings included. */
export function productEnvNames(): Set<string> {
  const names = new Set<string>(Object.keys(ENV_VARS));
  for (const p of PLATFORMS) {
    names.add(platformEnvName(p));
    for (const suffix of ['CLIENT_ID', 'CLIENT_SECRET', 'AUTHORIZE_URL', 'TOKEN_URL']) names.add(`KABAR_${p.toUpperCase()}_${suffix}`);
  }
  return names;
}

export function npmScripts(): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts;
}

export interface DockerInstruction {
  op: string;
  args: string;
  stage: number;
}

/** Dockerfile instructions (continuations joined, comments dropped), each with the index of its stage. */
export function parseDockerfile(text: string): DockerInstruction[] {
  const out: DockerInstruction[] = [];
  let stage = -1;
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!pending && (line.startsWith('#') || !line)) continue;
    pending += (pending ? ' ' : '') + line.replace(/\\$/, '').trim();
    if (line.endsWith('\\')) continue;
    const m = pending.match(/^([A-Z]+)\s+(.*)$/);
    if (!m) throw new Error(`Dockerfile: cannot read "${pending}"`);
    if (m[1] === 'FROM') stage++;
    out.push({ op: m[1], args: m[2], stage });
    pending = '';
  }
  return out;
}

/** A systemd unit: section → key → values (a key may repeat). */
export type UnitFile = Record<string, Record<string, string[]>>;

export function parseUnitFile(text: string): UnitFile {
  const out: UnitFile = {};
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const s = line.match(/^\[(.+)\]$/);
    if (s) {
      section = s[1];
      out[section] ??= {};
      continue;
    }
    const kv = line.match(/^([A-Za-z]+)=(.*)$/);
    if (!kv || !section) throw new Error(`unit file: cannot read "${line}"`);
    (out[section][kv[1]] ??= []).push(kv[2]);
  }
  return out;
}

/** KEY=VALUE lines; a commented-out `# KEY=VALUE` counts too (it documents a setting). */
export function parseEnvFile(text: string): Array<{ name: string; value: string; commented: boolean }> {
  const out: Array<{ name: string; value: string; commented: boolean }> = [];
  for (const raw of text.split('\n')) {
    const m = raw.trim().match(/^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$/);
    if (m) out.push({ name: m[2], value: m[3], commented: !!m[1] });
    else if (raw.trim() && !raw.trim().startsWith('#')) throw new Error(`env file: cannot read "${raw}"`);
  }
  return out;
}

/** YAML as Compose and kubectl read it (YAML 1.1: merge keys `<<:` are applied). */
export function parseYaml(text: string): Array<Record<string, any>> {
  return loadAll(text, { schema: YAML11_SCHEMA }).filter((d) => d !== null && d !== undefined) as Array<Record<string, any>>;
}

/**
 * A `node [flags] <script.js>` command: the script must be a file the build makes from a source of the
 * repository (dist/x/y.js ← x/y.ts). Returns the script, or throws saying what is wrong.
 */
export function nodeScript(command: string[]): string {
  const [bin, ...rest] = command;
  if (!/(^|\/)node$/.test(bin)) throw new Error(`not a node command: ${command.join(' ')}`);
  const script = rest.find((a) => !a.startsWith('-'));
  if (!script) throw new Error(`no script in ${command.join(' ')}`);
  const m = script.match(/^dist\/(.+)\.js$/);
  if (!m || !fs.existsSync(path.join(ROOT, `${m[1]}.ts`))) throw new Error(`${script} is not built from a source of the repository`);
  return script;
}

/** Every file under deploy/, relative. */
export function deployFiles(dir = DEPLOY): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? deployFiles(path.join(dir, e.name)) : [path.relative(DEPLOY, path.join(dir, e.name))]));
}
