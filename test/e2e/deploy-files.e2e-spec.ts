import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { Client } from 'pg';
import { loadConfig } from '@kabar/config';
import { wilayahFilePath } from '@kabar/org';
import { PUBLISHING_JOB_KINDS } from '@kabar/publishing';
import { ANALYTICS_JOB_KINDS } from '@kabar/analytics';
import { ADUAN_JOB_KINDS } from '@kabar/aduan';
import {
  DEPLOY,
  ROOT,
  deployFiles,
  nodeScript,
  npmScripts,
  parseDockerfile,
  parseEnvFile,
  parseUnitFile,
  parseYaml,
  productEnvNames,
  UnitFile,
} from '../support/deploy-files';
import { freePort } from '../support/spawn-app';
import { createTestDatabase } from '../support/test-database';

const SECRET = Buffer.alloc(32, 5).toString('base64');
const PORT_DEFAULT = '3000';

const read = (file: string) => fs.readFileSync(path.join(DEPLOY, file), 'utf8');
const yamlOf = (file: string) => parseYaml(read(file));

/** Runs a command (as a probe or healthcheck would) and answers its exit code. */
function run(command: string[], env: Record<string, string> = {}): number {
  const [bin, ...args] = command;
  const r = spawnSync(bin === 'node' ? process.execPath : bin, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, timeout: 20_000 });
  return r.status ?? -1;
}

function start(command: string[], env: Record<string, string>): ChildProcess {
  const [, ...args] = command;
  return spawn(process.execPath, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'ignore' });
}

async function until(check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

const stop = (p: ChildProcess | undefined) =>
  new Promise((resolve) => {
    if (!p || p.exitCode !== null) return resolve(null);
    p.once('exit', resolve);
    p.kill('SIGTERM');
  });

/**
 * deploy/ cannot be built or run here (no container daemon, registry or cluster): every file is parsed, and every
 * command, port, probe path and environment variable it names is checked against the product — the commands are
 * run from the repository's build (the API and the worker as the manifests start them, their probes and
 * healthchecks executed against them, the migrations Job, the KEDA queue-depth query against pg-boss's tables).
 */
describe('deployment files (deploy/) name only what the product has', () => {
  const env = productEnvNames();
  const scripts = npmScripts();
  let db: { url: string; drop(): Promise<void> };
  let api: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let apiPort: number;
  let workerPort: number;
  const k8s = new Map<string, Array<Record<string, any>>>();
  const kinds = () => [...k8s.values()].flat();
  const byKind = (kind: string, name?: string) => kinds().filter((d) => d.kind === kind && (!name || d.metadata?.name === name));
  const configMap = () => byKind('ConfigMap', 'kabar-config')[0].data as Record<string, string>;
  const secret = () => byKind('Secret', 'kabar-secrets')[0].stringData as Record<string, string>;
  const container = (deployment: string) => byKind('Deployment', deployment)[0].spec.template.spec.containers[0];

  beforeAll(async () => {
    for (const f of deployFiles().filter((f) => f.startsWith('kubernetes/'))) k8s.set(f, yamlOf(f));
    db = await createTestDatabase();
    apiPort = await freePort();
    workerPort = await freePort();
    // the API and the worker as the Kubernetes manifests start them, with the ConfigMap's settings
    const base = {
      ...configMap(),
      DATABASE_URL: db.url,
      KABAR_SECRET_KEY: SECRET,
      KABAR_DATA_DIR: fs.mkdtempSync('/tmp/kabar-deploy-'),
      KABAR_LOG_LEVEL: 'warn',
    };
    api = start(container('kabar-api').command, { ...base, PORT: String(apiPort), KABAR_PUBLIC_URL: `http://127.0.0.1:${apiPort}` });
    worker = start(container('kabar-worker').command, { ...base, KABAR_WORKER_HEALTH_PORT: String(workerPort) });
    await until(() => fetch(`http://127.0.0.1:${apiPort}/api/health`).then((r) => r.ok));
    await until(() => fetch(`http://127.0.0.1:${workerPort}/`).then((r) => r.ok));
  }, 90_000);

  afterAll(async () => {
    await Promise.all([stop(api), stop(worker)]);
    await db?.drop();
  }, 60_000);

  it('every file is of a known kind and parses', () => {
    const files = deployFiles();
    expect(files.sort()).toEqual(
      expect.arrayContaining(['Dockerfile', 'compose.yaml', 'kubernetes/kustomization.yaml', 'systemd/kabar-api@.service', 'systemd/kabar-worker@.service']),
    );
    for (const f of files) {
      if (f.endsWith('Dockerfile')) expect(parseDockerfile(read(f)).length).toBeGreaterThan(5);
      else if (f.endsWith('.yaml')) expect(yamlOf(f).length).toBeGreaterThan(0);
      else if (/\.(service|target)$/.test(f)) expect(Object.keys(parseUnitFile(read(f)))).toContain('Unit');
      else if (f.endsWith('.env.example')) expect(parseEnvFile(read(f)).length).toBeGreaterThan(3);
      else if (f.endsWith('.dockerignore') || f.endsWith('.md')) expect(read(f).length).toBeGreaterThan(0);
      else throw new Error(`deploy/${f}: a kind of file this test does not check`);
    }
  });

  describe('OCI image (Dockerfile)', () => {
    const steps = parseDockerfile(read('Dockerfile'));
    const last = Math.max(...steps.map((s) => s.stage));
    const final = steps.filter((s) => s.stage === last);

    it('is multi-stage, runs as a non-root user, copies what the runtime reads', () => {
      const stages = steps.filter((s) => s.op === 'FROM').map((s) => s.args.match(/ AS (\S+)$/i)?.[1]);
      expect(stages).toEqual(['build', 'deps', 'runtime']);
      for (const copy of steps.filter((s) => s.op === 'COPY' && s.args.includes('--from='))) {
        expect(stages.slice(0, copy.stage)).toContain(copy.args.match(/--from=(\S+)/)![1]);
      }
      const user = final.filter((s) => s.op === 'USER').at(-1)!.args;
      expect(['root', '0']).not.toContain(user.split(':')[0]);
      // the wilayah import reads config/wilayah/indonesia-wilayah.csv.gz next to package.json
      expect(path.relative(ROOT, path.dirname(wilayahFilePath()))).toBe('config/wilayah');
      expect(final.some((s) => s.op === 'COPY' && s.args === 'config/wilayah ./config/wilayah')).toBe(true);
      expect(final.some((s) => s.op === 'COPY' && /package\.json/.test(s.args))).toBe(true);
      for (const r of steps.filter((s) => s.op === 'RUN' && s.args.startsWith('node ')))
        expect(fs.existsSync(path.join(ROOT, r.args.split(' ')[1]))).toBe(true);
    });

    it('its command, port, variables and healthcheck exist in the product', () => {
      const cmd = JSON.parse(final.find((s) => s.op === 'CMD')!.args);
      expect(nodeScript(cmd)).toBe('dist/apps/api/src/main.js');
      const envs = Object.fromEntries(final.filter((s) => s.op === 'ENV').flatMap((s) => s.args.split(/\s+/).map((kv) => kv.split('='))));
      for (const name of Object.keys(envs)) expect([name, env.has(name)]).toEqual([name, true]);
      expect(final.find((s) => s.op === 'EXPOSE')!.args).toBe(envs.PORT);
      expect(envs.PORT).toBe(PORT_DEFAULT);
      expect(() => loadConfig({ ...envs, DATABASE_URL: db.url, KABAR_SECRET_KEY: SECRET })).not.toThrow();
      const check = JSON.parse(final.find((s) => s.op === 'HEALTHCHECK')!.args.replace(/^.*?CMD\s+/, ''));
      expect(run(check, { PORT: String(apiPort) })).toBe(0);
      expect(run(check, { PORT: String(workerPort + 1) })).not.toBe(0); // it fails where nothing answers
    });
  });

  describe('compose file', () => {
    const doc = yamlOf('compose.yaml')[0];
    const services = doc.services as Record<string, any>;
    const kabarServices = Object.entries(services).filter(([, s]) => String(s.image).includes('kabar:'));
    const anchor = doc['x-kabar-env'] as Record<string, string>;
    const interpolated = (text: string) => [...text.matchAll(/\$\{([A-Z_]+)/g)].map((m) => m[1]);
    const resolve = (value: string) => String(value).replace(/\$\{([A-Z_]+)(:?[-?])?([^}]*)\}/g, (_, name, op, rest) => (op === ':-' ? rest : `x-${name}`));

    it('has PostgreSQL, the migrations, the API ×2 and the worker ×2', () => {
      expect(Object.keys(services).sort()).toEqual(['api', 'migrate', 'postgres', 'worker']);
      expect([services.api.deploy.replicas, services.worker.deploy.replicas]).toEqual([2, 2]);
      expect(nodeScript(services.migrate.command)).toBe('dist/libs/database/src/cli/migrate.js');
      expect(nodeScript(services.api.command)).toBe('dist/apps/api/src/main.js');
      expect(nodeScript(services.worker.command)).toBe('dist/apps/worker/src/main.js');
      for (const s of ['api', 'worker']) expect(services[s].depends_on.migrate.condition).toBe('service_completed_successfully');
      expect(services.migrate.depends_on.postgres.condition).toBe('service_healthy');
      const url = new URL(resolve(anchor.DATABASE_URL));
      expect([url.hostname, url.port, url.pathname, url.username]).toEqual([
        'postgres',
        '5432',
        `/${services.postgres.environment.POSTGRES_DB}`,
        services.postgres.environment.POSTGRES_USER,
      ]);
    });

    it('names only the product’s variables and port; its healthchecks pass against the running processes', () => {
      const composeOnly = new Set(['POSTGRES_PASSWORD', 'KABAR_IMAGE']);
      for (const name of interpolated(read('compose.yaml'))) expect([name, composeOnly.has(name) || env.has(name)]).toEqual([name, true]);
      for (const [name, s] of kabarServices) {
        for (const key of Object.keys(s.environment)) expect([name, key, env.has(key)]).toEqual([name, key, true]);
        expect(() =>
          loadConfig(
            Object.fromEntries(
              Object.entries(s.environment)
                .map(([k, v]) => [k, resolve(v as string)])
                .concat([['KABAR_SECRET_KEY', SECRET]]),
            ),
          ),
        ).not.toThrow();
      }
      expect(services.api.environment.PORT).toBe(PORT_DEFAULT);
      expect(services.api.ports).toEqual([`3000-3001:${services.api.environment.PORT}`]);
      expect(run(services.api.healthcheck.test.slice(1), { PORT: String(apiPort) })).toBe(0);
      const workerCheck = services.worker.healthcheck.test
        .slice(1)
        .map((a: string) => a.replace(`:${services.worker.environment.KABAR_WORKER_HEALTH_PORT}/`, `:${workerPort}/`));
      expect(workerCheck.join(' ')).toContain(`:${workerPort}/`);
      expect(run(workerCheck)).toBe(0);
    });
  });

  describe('Kubernetes manifests', () => {
    it('kustomize lists every manifest; each names its kind and refers to objects that exist', () => {
      const kustomization = k8s.get('kubernetes/kustomization.yaml')![0];
      expect([...kustomization.resources].sort()).toEqual(
        [...k8s.keys()]
          .filter((f) => !f.endsWith('kustomization.yaml'))
          .map((f) => f.slice('kubernetes/'.length))
          .sort(),
      );
      for (const d of kinds().filter((x) => x.kind !== 'Kustomization'))
        expect([d.kind, typeof d.apiVersion, typeof d.metadata.name]).toEqual([d.kind, 'string', 'string']);
      expect(byKind('HorizontalPodAutoscaler', 'kabar-api')[0].spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'kabar-api' });
      const scaled = byKind('ScaledObject', 'kabar-worker')[0].spec;
      expect(byKind('Deployment', scaled.scaleTargetRef.name)).toHaveLength(1);
      const auth = byKind('TriggerAuthentication', scaled.triggers[0].authenticationRef.name)[0];
      for (const ref of auth.spec.secretTargetRef) expect(Object.keys(byKind('Secret', ref.name)[0].stringData)).toContain(ref.key);
      const svc = byKind('Service', 'kabar-api')[0].spec;
      expect(byKind('Deployment', 'kabar-api')[0].spec.template.metadata.labels).toMatchObject(svc.selector);
      expect(container('kabar-api').ports.map((p: { name: string }) => p.name)).toContain(svc.ports[0].targetPort);
      for (const d of [...byKind('Deployment'), ...byKind('Job')]) {
        const pod = d.spec.template.spec;
        expect(pod.securityContext.runAsNonRoot).toBe(true);
        for (const c of pod.containers) {
          for (const ref of (c.envFrom ?? []).map((e: any) => e.configMapRef?.name ?? e.secretRef?.name))
            expect(kinds().some((x) => x.metadata?.name === ref)).toBe(true);
          for (const e of c.env ?? []) {
            const ref = e.valueFrom?.secretKeyRef;
            if (ref) expect([e.name, Object.keys(byKind('Secret', ref.name)[0].stringData).includes(ref.key)]).toEqual([e.name, true]);
          }
          for (const m of c.volumeMounts ?? []) expect(pod.volumes.map((v: { name: string }) => v.name)).toContain(m.name);
        }
        for (const v of pod.volumes ?? [])
          if (v.persistentVolumeClaim) expect(byKind('PersistentVolumeClaim', v.persistentVolumeClaim.claimName)).toHaveLength(1);
      }
    });

    it('every variable is the product’s, and the settings load', () => {
      const names = [...Object.keys(configMap()), ...Object.keys(secret())];
      for (const d of [...byKind('Deployment'), ...byKind('Job')])
        for (const c of d.spec.template.spec.containers) for (const e of c.env ?? []) names.push(e.name);
      for (const name of names) expect([name, env.has(name)]).toEqual([name, true]);
      const config = loadConfig({ ...configMap(), ...secret(), KABAR_SECRET_KEY: SECRET });
      expect(config.databaseReadUrl).toBe(secret().DATABASE_READ_URL);
      expect(container('kabar-api').ports[0].containerPort).toBe(Number(configMap().PORT));
    });

    it('the API’s probes and the worker’s answer on the processes started from the manifests', async () => {
      const api = container('kabar-api');
      for (const probe of ['startupProbe', 'readinessProbe']) {
        const res = await fetch(`http://127.0.0.1:${apiPort}${api[probe].httpGet.path}`);
        expect([probe, res.status]).toEqual([probe, 200]);
      }
      expect(api.livenessProbe.tcpSocket.port).toBe('http');
      await new Promise<void>((resolve, reject) => {
        const socket = net.connect(apiPort, '127.0.0.1', () => {
          socket.destroy();
          resolve();
        });
        socket.on('error', reject);
      });
      const probe: string[] = container('kabar-worker').livenessProbe.exec.command;
      expect(probe.join(' ')).toContain(`:${configMap().KABAR_WORKER_HEALTH_PORT}/`);
      expect(run(probe.map((a) => a.replace(`:${configMap().KABAR_WORKER_HEALTH_PORT}/`, `:${workerPort}/`)))).toBe(0);
    });

    it('the migrations Job runs the migration command; the worker scales on a query that counts pg-boss’s waiting jobs', async () => {
      const job = byKind('Job', 'kabar-migrate')[0].spec.template.spec.containers[0];
      expect(nodeScript(job.command)).toBe('dist/libs/database/src/cli/migrate.js');
      expect(run(job.command, { DATABASE_URL: db.url })).toBe(0);
      const trigger = byKind('ScaledObject', 'kabar-worker')[0].spec.triggers[0];
      expect(trigger.type).toBe('postgresql');
      const queues = [...trigger.metadata.query.matchAll(/'([a-z.-]+)'/g)].map((m) => m[1]).filter((q) => q.includes('.'));
      expect(queues.sort()).toEqual([...PUBLISHING_JOB_KINDS, ...ANALYTICS_JOB_KINDS, ...ADUAN_JOB_KINDS].map((k) => k.name).sort());
      // the worker started from the manifest created pg-boss's schema and queues; a waiting job is counted
      const c = new Client({ connectionString: db.url });
      await c.connect();
      try {
        await until(async () => (await c.query(`SELECT count(*)::int AS n FROM pgboss.queue WHERE name = ANY($1)`, [queues])).rows[0].n === queues.length);
        const before = Number((await c.query(trigger.metadata.query)).rows[0].count);
        await c.query(`INSERT INTO pgboss.job (name, data) VALUES ('analytics.snapshot', '{"accountId":"00000000-0000-0000-0000-000000000000","period":0}')`);
        expect(Number((await c.query(trigger.metadata.query)).rows[0].count)).toBe(before + 1);
      } finally {
        await c.query(`DELETE FROM pgboss.job WHERE data->>'accountId' = '00000000-0000-0000-0000-000000000000'`).catch(() => undefined);
        await c.end();
      }
    });
  });

  describe('systemd units', () => {
    const units = deployFiles()
      .filter((f) => /^systemd\/.+\.(service|target)$/.test(f))
      .map((f) => [path.basename(f), parseUnitFile(read(f))] as [string, UnitFile]);
    const known = new Set(units.map(([n]) => n.replace(/@.*\./, '@.')));
    const system = new Set(['network-online.target', 'postgresql.service', 'multi-user.target']);

    it('start the product’s commands with its variables, after the migrations; every unit they name exists', () => {
      const envFile = parseEnvFile(read('systemd/kabar.env.example'));
      for (const { name } of envFile) expect([name, env.has(name)]).toEqual([name, true]);
      expect(() =>
        loadConfig(Object.fromEntries(envFile.filter((e) => !e.commented).map((e) => [e.name, e.name === 'KABAR_SECRET_KEY' ? SECRET : e.value]))),
      ).not.toThrow();
      for (const [name, u] of units) {
        for (const ref of ['Wants', 'After', 'Requires', 'PartOf', 'WantedBy']
          .flatMap((k) => [...(u.Unit?.[k] ?? []), ...(u.Install?.[k] ?? [])])
          .flatMap((v) => v.split(/\s+/))) {
          expect([name, ref, system.has(ref) || known.has(ref.replace(/@.*\./, '@.'))]).toEqual([name, ref, true]);
        }
        if (!u.Service) continue;
        expect(u.Service.User).toEqual(['kabar']);
        expect(u.Service.EnvironmentFile).toEqual(['/etc/kabar/kabar.env']);
        for (const e of u.Service.Environment ?? []) expect([name, env.has(e.split('=')[0])]).toEqual([name, true]);
        nodeScript(u.Service.ExecStart[0].split(/\s+/));
      }
      const byName = Object.fromEntries(units);
      expect(nodeScript(byName['kabar-api@.service'].Service.ExecStart[0].split(/\s+/))).toBe('dist/apps/api/src/main.js');
      expect(byName['kabar-api@.service'].Service.Environment).toContain('PORT=%i');
      expect(nodeScript(byName['kabar-worker@.service'].Service.ExecStart[0].split(/\s+/))).toBe('dist/apps/worker/src/main.js');
      expect(nodeScript(byName['kabar-migrate.service'].Service.ExecStart[0].split(/\s+/))).toBe('dist/libs/database/src/cli/migrate.js');
      expect(byName['kabar-api@.service'].Unit.Requires).toEqual(['kabar-migrate.service']);
      // a worker is given longer than its own shutdown grace to finish its platform calls
      expect(Number(byName['kabar-worker@.service'].Service.TimeoutStopSec[0])).toBeGreaterThan(loadConfig({}).shutdownGraceMs / 1000);
    });
  });

  it('the README of deploy/ names only existing npm scripts and variables', () => {
    const text = read('README.md');
    for (const m of text.matchAll(/npm run ([\w:-]+)/g)) expect([m[1], m[1] in scripts]).toEqual([m[1], true]);
    for (const m of text.matchAll(/`((?:KABAR|DATABASE)_[A-Z0-9_]+)`/g)) expect([m[1], env.has(m[1])]).toEqual([m[1], true]);
  });
});
