import { runToExit } from '../support/spawn-app';

describe('start-up configuration errors', () => {
  it('a bad PORT stops the start with one line naming it', async () => {
    const { code, output } = await runToExit({ PORT: 'eighty', DATABASE_URL: 'postgres://x@127.0.0.1:1/x' });
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toHaveLength(1);
    expect(output).toMatch(/^kabar: Invalid configuration: PORT must be a whole number/);
  });

  it('a bad DATABASE_URL stops the start with one line naming it', async () => {
    const { code, output } = await runToExit({ DATABASE_URL: 'mysql://root@localhost/db' });
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toHaveLength(1);
    expect(output).toMatch(/DATABASE_URL must use postgres or postgresql/);
  });

  it('start:api without DATABASE_URL refuses to start an embedded database', async () => {
    const { code, output } = await runToExit({});
    expect(code).toBe(1);
    expect(output).toMatch(/DATABASE_URL is required for start:api/);
  });
});
