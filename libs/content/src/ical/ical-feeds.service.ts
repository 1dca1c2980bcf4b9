import { createHash, randomBytes } from 'crypto';
import { Injectable } from '@nestjs/common';
import { AppError } from '@kabar/common';
import { translate } from '@kabar/i18n';
import { AccessPolicy, Principal } from '@kabar/org';
import { IcalEvent, writeCalendar } from './ical-writer';
import { IcalFeedsRepository } from './ical-feeds.repository';

const PAST_MS = 90 * 86_400_000;
const FUTURE_MS = 5 * 366 * 86_400_000;
const EVENT_MS = 15 * 60_000;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Secret calendar feeds per unit: the token is shown once; only its hash is stored. */
@Injectable()
export class IcalFeedsService {
  constructor(
    private readonly repo: IcalFeedsRepository,
    private readonly access: AccessPolicy,
  ) {}

  async create(p: Principal, unitId: string, baseUrl: string): Promise<{ url: string; token: string; createdAt: string }> {
    await this.access.requireUnit(p, unitId, ['admin']);
    const token = randomBytes(32).toString('base64url');
    const feed = await this.repo.replace(unitId, sha256(token), p.userId);
    return { url: `${baseUrl}/api/v1/ical/${token}.ics`, token, createdAt: feed.createdAt.toISOString() };
  }

  async revoke(p: Principal, unitId: string): Promise<void> {
    await this.access.requireUnit(p, unitId, ['admin']);
    await this.repo.revoke(unitId);
  }

  async render(token: string, baseUrl: string, now = new Date()): Promise<string> {
    const feed = /^[\w-]{20,100}$/.test(token) ? await this.repo.active(sha256(token)) : null;
    if (!feed) throw AppError.notFound('content.ical.notFound');
    const rows = await this.repo.posts(feed.unitId, new Date(now.getTime() - PAST_MS), new Date(now.getTime() + FUTURE_MS));
    const events: IcalEvent[] = rows.map((r) => {
      const start = new Date(r.scheduledAt);
      const text = r.text ?? '';
      const status = translate('id', `content.status.${r.status}`);
      const firstLine = text.split('\n').find((l) => l.trim()) ?? '';
      return {
        uid: `${r.id}@kabar`,
        stamp: new Date(r.updatedAt),
        start,
        end: new Date(start.getTime() + EVENT_MS),
        summary: `${firstLine.slice(0, 80)}${firstLine.length > 80 ? '…' : ''} (${(r.platforms ?? []).join(', ')})`,
        description: `${r.unitName} · ${status}\n\n${text}`,
        url: `${baseUrl}/posts/${r.id}`,
        status: r.status === 'draft' || r.status === 'in_review' || r.status === 'changes_requested' ? 'TENTATIVE' : 'CONFIRMED',
        sequence: r.version,
        categories: [r.pillar],
      };
    });
    const name = rows[0]?.unitName ?? 'Kabar';
    return writeCalendar(`Kabar – ${name}`, events);
  }
}
