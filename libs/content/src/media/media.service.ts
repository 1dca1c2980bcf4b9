import { createHash, randomUUID } from 'crypto';
import { Injectable } from '@nestjs/common';
import { AppError } from '@kabar/common';
import { AccessPolicy, Principal } from '@kabar/org';
import { MediaEntity } from '../entities/media.entity';
import { mapMedia } from '../posts/post.mapper';
import { PostMediaDto } from '../posts/post-response.dto';
import { EXTENSIONS, sniff } from './media-sniff';
import { MediaLinks } from './media-links';
import { MediaRepository } from './media.repository';
import { MediaStorage } from './media-storage';

export const MAX_IMAGE_BYTES = 15 * 1024 * 1024;
export const MAX_VIDEO_BYTES = 200 * 1024 * 1024;

export interface UploadedFile {
  buffer: Buffer;
  originalname: string;
  size: number;
}

export class MediaItemDto extends PostMediaDto {
  unitId: string;
  originalName: string;
  createdAt: string;
}

const view = (m: MediaEntity): MediaItemDto => ({ ...mapMedia(m), unitId: m.unitId, originalName: m.originalName, createdAt: m.createdAt.toISOString() });

/** A unit's media library: files checked by their bytes, stored behind MediaStorage. */
@Injectable()
export class MediaService {
  constructor(
    private readonly repo: MediaRepository,
    private readonly storage: MediaStorage,
    private readonly links: MediaLinks,
    private readonly access: AccessPolicy,
  ) {}

  async upload(p: Principal, unitId: string, file: UploadedFile | undefined, altText?: string): Promise<MediaItemDto> {
    await this.access.requireUnit(p, unitId, ['admin']);
    if (!file?.buffer?.length) throw AppError.validation([{ field: 'file', code: 'content.media.fileRequired' }]);
    const kind = sniff(file.buffer);
    if (!kind) throw AppError.validation([{ field: 'file', code: 'content.media.unsupportedType' }]);
    const max = kind.kind === 'image' ? MAX_IMAGE_BYTES : MAX_VIDEO_BYTES;
    if (file.size > max) throw AppError.validation([{ field: 'file', code: 'content.media.tooLarge', params: { maxMb: max / 1024 / 1024 } }]);
    const id = randomUUID();
    const storageKey = `${unitId}/${id}${EXTENSIONS[kind.mimeType]}`;
    await this.storage.put(storageKey, file.buffer);
    try {
      const row = await this.repo.insert({
        id,
        unitId,
        kind: kind.kind,
        mimeType: kind.mimeType,
        bytes: file.size,
        width: kind.width,
        height: kind.height,
        storageKey,
        originalName: file.originalname.slice(0, 300),
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        altText: altText?.trim() || null,
        createdBy: p.userId,
      });
      return view(row);
    } catch (e) {
      await this.storage.delete(storageKey);
      throw e;
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

  async file(p: Principal, id: string): Promise<{ media: MediaEntity; data: Buffer }> {
    const media = await this.visible(p, id, false);
    return { media, data: await this.bytes(media) };
  }

  async publicFile(token: string): Promise<{ media: MediaEntity; data: Buffer }> {
    const id = this.links.verify(token);
    const media = id ? await this.repo.findById(id) : null;
    if (!media) throw AppError.notFound('content.media.linkInvalid');
    return { media, data: await this.bytes(media) };
  }

  private async bytes(m: MediaEntity): Promise<Buffer> {
    const data = await this.storage.get(m.storageKey);
    if (!data) throw AppError.notFound('content.media.notFound');
    return data;
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
