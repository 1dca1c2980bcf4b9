import * as fs from 'fs';
import * as path from 'path';
import { AduanModel, AduanModelFile } from './model';

/** Path of the committed model, relative to the project root (written by `npm run aduan:train`). */
export const MODEL_PATH = 'config/aduan/model.json';

/** The same file seen from this module, compiled (dist/config/…, copied by the build) or from source. */
const HERE = path.join(__dirname, '../../../..', MODEL_PATH);

let cached: AduanModel | undefined;

export function readModelFile(file = HERE): AduanModelFile {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as AduanModelFile;
}

/** The committed model (config/aduan/model.json), parsed once per process. */
export function defaultModel(): AduanModel {
  cached ??= AduanModel.fromFile(readModelFile());
  return cached;
}
