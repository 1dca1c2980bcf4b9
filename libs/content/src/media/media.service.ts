import { randomUUID } from 'crypto';
import { promises as fs } from 'fs';
import type { IncomingMessage } from 'http';
import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { AppError, KABAR_CONFIG } from '@kabar/common';
import { KabarConfig } from '@kabar/config';
import { AccessPolicy, Principal } from '@kabar/org';
import { MediaEntity } from '../entities/media.entity';
import { mapMedia } from '../posts/post.mapper';
import { PostMediaDto } from '../posts/post-response.dto';
import { MediaFacts, MediaRefused } from './media-facts';
import { MediaSizeLimits, mb, mediaSizeLimits } from './media-limits';
import { MediaLinks } from './media-links';
import { probeFile } from './media-probe';
import { EXTENSIONS } from './media-sniff';
import { MediaRepository } from './media.repository';
import { MediaStorage, StoredFile } from './media-storage';
import { uploadFields } from './upload-fields';
import { MediaKind, SizeCheck, receiveUpload } from './upload-receiver';

export class MediaItemDto extends PostMediaDto {
  unitId: string;
  originalName: string;
  durationMs: number | null;
  createdAt: string;
}

const view = (m: MediaEntity): MediaItemDto => ({
  ...mapMedia(m),
  unitId: m.unitId,
  originalName: m.originalName,
  durationMs: m.durationMs,
  createdAt: m.createdAt.toISOString(),
});

/** An upload still in .incoming after this long belongs to a process that died (requests time out far sooner). */
const ABANDONED_AFTER_MS = 6 * 3_600_000;

const tooLarge = (kind: MediaKind, max: number) => {
  const code = kind === 'image' ? 'content.media.imageTooLarge' : 'content.media.videoTooLarge';
  return new AppError(413, code, { maxMb: mb(max) }, [{ field: 'file', code, params: { maxMb: mb(max) } }]);
};

const quotaFull = (used: number, quota: number) => {
  const params = { usedMb: mb(used), quotaMb: mb(quota) };
  return AppError.conflict('content.media.quotaExceeded', params, [{ field: 'file', code: 'content.media.quotaExceeded', params }]);
};

const refusal = (e: unknown): never => {
  if (e instanceof MediaRefused) throw AppError.validation([{ field: 'file', code: `content.media.${e.code}`, params: { format: e.format ?? '' } }]);
  throw e;
};

/**
 * A unit's media library. Uploads stream to disk (never whole in memory), within a size limit per kind and the
 * unit's storage quota; each file is checked by its parser before it is accepted and moved into MediaStorage.
 */
@Injectable()
export class MediaService implements OnModuleInit, OnModuleDestroy {
  readonly limits: MediaSizeLimits = mediaSizeLimits();
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly repo: MediaRepository,
    private readonly storage: MediaStorage,
    private readonly links: MediaLinks,
    private readonly access: AccessPolicy,
    @Inject(KABAR_CONFIG) private readonly config: KabarConfig,
  ) {}

  onModuleInit(): void {
    const sweep = () => void this.storage.sweepIncoming(ABANDONED_AFTER_MS).catch(() => undefined);
    sweep();
    this.sweeper = setInterval(sweep, 3_600_000);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  async upload(p: Principal, req: IncomingMessage): Promise<MediaItemDto> {
    const quota = this.config.mediaQuotaBytes;
    const received = await receiveUpload(req, {
      tempPath: () => this.storage.incomingPath(),
      beforeFile: async (fields) => {
        if (!fields.unitId) throw AppError.validation([{ field: 'unitId', code: 'content.media.unitFirst' }]);
        const { unitId } = await uploadFields(fields);
        await this.access.requireUnit(p, unitId, ['admin']);
        const used = quota ? await this.repo.bytesUsed(unitId) : 0;
        if (quota && used >= quota) throw quotaFull(used, quota);
        const check: SizeCheck = (kind, bytes) =>
          bytes > this.limits[kind] ? tooLarge(kind, this.limits[kind]) : quota && used + bytes > quota ? quotaFull(used, quota) : null;
        return check;
      },
    });
    try {
      const fields = await uploadFields(received.fields);
      const facts: MediaFacts = await probeFile(received.path).catch(refusal);
      if (received.bytes > this.limits[facts.kind]) throw tooLarge(facts.kind, this.limits[facts.kind]);
      const id = randomUUID();
      const storageKey = `${fields.unitId}/${id}${EXTENSIONS[facts.mimeType]}`;
      let placed = false;
      try {
        const saved = await this.repo.insertWithinQuota(
          {
            id,
            unitId: fields.unitId,
            kind: facts.kind,
            mimeType: facts.mimeType,
            bytes: received.bytes,
            width: facts.width,
            height: facts.height,
            durationMs: facts.durationMs,
            storageKey,
            originalName: received.originalName.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 300),
            sha256: received.sha256,
            altText: fields.altText?.trim() || null,
            createdBy: p.userId,
          },
          quota,
          async () => {
            await this.storage.adopt(storageKey, received.path);
            placed = true;
          },
        );
        if ('usedBytes' in saved) throw quotaFull(saved.usedBytes, quota);
        return view(saved.row);
      } catch (e) {
        if (placed) await this.storage.delete(storageKey);
        throw e;
      }
    } finally {
      await fs.rm(received.path, { force: true }); // gone already when it was adopted
    }
  }

  async list(p: Principal, unitId: string): Promise<MediaItemDto[]> {
    await this.access.requireUnit(p, unitId);
    return (await this.repo.listForUnit(unitId)).map(view);
  }

  async setAltText(p: Principal, id: string, altText: string | null): Promise<MediaItemDto> {
    const m = await this.visible(p, id, true);
    await this.repo.setAltText(id, altText?.trim() || null);
    return view({ ...m, altText: altText?.trim() || null });
  }

  async remove(p: Principal, id: string): Promise<void> {
    const m = await this.visible(p, id, true);
    if (await this.repo.isUsed(id)) throw AppError.conflict('content.media.inUse');
    await this.repo.remove(id);
    await this.storage.delete(m.storageKey);
  }

  async file(p: Principal, id: string): Promise<{ media: MediaEntity; file: StoredFile }> {
    const media = await this.visible(p, id, false);
    return { media, file: await this.open(media) };
  }

  async publicFile(token: string): Promise<{ media: MediaEntity; file: StoredFile }> {
    const id = this.links.verify(token);
    const media = id ? await this.repo.findById(id) : null;
    if (!media) throw AppError.notFound('content.media.linkInvalid');
    return { media, file: await this.open(media) };
  }

  private async open(m: MediaEntity): Promise<StoredFile> {
    const file = await this.storage.open(m.storageKey);
    if (!file) throw AppError.notFound('content.media.notFound');
    return file;
  }

  private async visible(p: Principal, id: string, admin: boolean): Promise<MediaEntity> {
    const m = await this.repo.findById(id);
    if (!m) throw AppError.notFound('content.media.notFound');
    try {
      await this.access.requireUnit(p, m.unitId, admin ? ['admin'] : undefined);
    } catch (e) {
      if (e instanceof AppError && e.status === 404) throw AppError.notFound('content.media.notFound');
      throw e;
    }
    return m;
  }
}
