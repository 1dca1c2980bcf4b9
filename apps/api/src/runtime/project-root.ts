import * as fs from 'fs';
import * as path from 'path';

/** The folder holding package.json, found from this file whether it runs compiled (dist/) or from source (jest). */
export function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}
