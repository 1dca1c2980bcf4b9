import * as os from 'os';

/** hostname:pid, written on attempts and leases. */
export const WORKER_ID = `${os.hostname()}:${process.pid}`.slice(0, 100);
