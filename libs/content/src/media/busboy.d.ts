/** The part of busboy 1.x (multer's multipart parser) that upload-receiver.ts uses. */
declare module 'busboy' {
  import type { IncomingHttpHeaders } from 'http';
  import type { Readable, Writable } from 'stream';

  interface Limits {
    fieldNameSize?: number;
    fieldSize?: number;
    fields?: number;
    fileSize?: number;
    files?: number;
    parts?: number;
    headerPairs?: number;
  }
  interface Config {
    headers: IncomingHttpHeaders;
    limits?: Limits;
    defParamCharset?: string;
    highWaterMark?: number;
    fileHwm?: number;
  }
  interface FileInfo {
    filename: string | undefined;
    encoding: string;
    mimeType: string;
  }
  interface FieldInfo {
    nameTruncated: boolean;
    valueTruncated: boolean;
    encoding: string;
    mimeType: string;
  }
  interface Busboy extends Writable {
    on(event: 'file', listener: (name: string, stream: Readable, info: FileInfo) => void): this;
    on(event: 'field', listener: (name: string, value: string, info: FieldInfo) => void): this;
    on(event: 'partsLimit' | 'filesLimit' | 'fieldsLimit' | 'close', listener: () => void): this;
    on(event: 'error', listener: (error: Error) => void): this;
  }
  function busboy(config: Config): Busboy;
  namespace busboy {
    export type { Busboy, Config, FileInfo, FieldInfo };
  }
  export = busboy;
}
