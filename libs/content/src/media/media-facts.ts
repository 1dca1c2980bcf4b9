/** What a media file is, read from its structure (never from its name or its first bytes alone). */
export interface MediaFacts {
  mimeType: string;
  kind: 'image' | 'video';
  width: number;
  height: number;
  /** Videos: length in milliseconds, when the file states it. */
  durationMs: number | null;
}

/** Why a file is refused: `unsupportedType` (not a format Kabar takes), `damaged` (its structure is broken), `noVideoTrack`. */
export type RefusalCode = 'unsupportedType' | 'damaged' | 'noVideoTrack';

export class MediaRefused extends Error {
  constructor(
    readonly code: RefusalCode,
    readonly format: string | null = null,
    readonly reason = '',
  ) {
    super(`${code}${format ? ` (${format})` : ''}${reason ? `: ${reason}` : ''}`);
  }
}

export const damaged = (format: string, reason: string) => new MediaRefused('damaged', format, reason);
