import * as fs from 'fs';
import * as path from 'path';

/** The folder holding package.json above `dir` (source or dist/). */
export function projectRootOf(dir: string): string {
  let d = dir;
  while (!fs.existsSync(path.join(d, 'package.json'))) {
    const up = path.dirname(d);
    if (up === d) return process.cwd();
    d = up;
  }
  return d;
}
