import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../support/spawn-app';

const CLI = path.join(ROOT, 'dist/apps/api/src/cli/api-types.js');
const SCHEMA = path.join(ROOT, 'apps/web/src/api/schema.d.ts');

/** The console's API types come from the OpenAPI document; a stale generated file fails here (and in `npm run lint`). */
describe('console API types (openapi-typescript)', () => {
  it('apps/web/src/api/schema.d.ts matches the document the API builds', () => {
    const run = spawnSync(process.execPath, [CLI, '--check'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const schema = fs.readFileSync(SCHEMA, 'utf8');
    expect(schema).toContain("'/api/v1/accounts'");
    expect(schema).toContain('AccountDto');
  }, 70_000);

  it('says the file is stale when it differs', () => {
    const saved = fs.readFileSync(SCHEMA, 'utf8');
    try {
      fs.writeFileSync(SCHEMA, saved.replace('AccountDto', 'AccountDtoEditedByHand'));
      const run = spawnSync(process.execPath, [CLI, '--check'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('is stale');
    } finally {
      fs.writeFileSync(SCHEMA, saved);
    }
  }, 70_000);
});
