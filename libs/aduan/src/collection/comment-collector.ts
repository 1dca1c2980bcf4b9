import { Injectable, Logger } from '@nestjs/common';
import { AccountHealth, CredentialsService } from '@kabar/accounts';
import {
  AccountCredentials,
  CommentRead,
  CommentScope,
  isPlatformError,
  PlatformAdapter,
  PlatformError,
  PlatformRegistry,
  SharedLimits,
} from '@kabar/platforms';
import { CollectOutcome } from './collect-outcome';
import { CommentIngest, IngestItem } from './comment-ingest';
import { CursorRepository } from './cursor.repository';
import { RecentPosts } from './recent-posts';
import { TicketsService } from '../tickets/tickets.service';

/** Reads of one scope per job at most (each within the adapter's page budget). */
const SCOPE_ROUNDS = 5;

/**
 * Collects one account: for each scope the platform gives (each recent post's comments, the account's mentions,
 * its discussion group) reads what is newer than the scope's cursor, stores it (classified, deduplicated), then
 * moves the cursor. A post that is gone is skipped; an auth error marks the account needs_reconnect; anything
 * else is retried by the queue (what was stored stays, the cursors of the scopes done moved).
 */
@Injectable()
export class CommentCollector {
  private readonly logger = new Logger('aduan.collect');

  constructor(
    private readonly accounts: AccountHealth,
    private readonly credentials: CredentialsService,
    private readonly platforms: PlatformRegistry,
    private readonly cursors: CursorRepository,
    private readonly ingest: CommentIngest,
    private readonly recentPosts: RecentPosts,
    /** The collection budget every worker shares (KABAR_COLLECT_PER_PLATFORM_RATE, holds, YouTube's units): one token per read. */
    private readonly limits: SharedLimits,
    private readonly tickets: TicketsService,
  ) {}

  async collect(accountId: string): Promise<CollectOutcome> {
    const account = await this.accounts.find(accountId);
    if (!account) return { kind: 'skipped', reason: 'gone' };
    if (account.status !== 'active') return { kind: 'skipped', reason: 'inactive' };
    const adapter = this.platforms.get(account.platform);
    const caps = adapter.commentCapabilities;
    if (!caps.comments && !caps.mentions) return { kind: 'skipped', reason: 'no_comments' };
    try {
      const creds = await this.credentials.forAdapter(account);
      const due = caps.perPost ? await this.recentPosts.due(accountId, adapter, creds) : [];
      const posts = new Map(due.map((p) => [p.externalId, p.text]));
      const scopes = adapter.commentScopes(creds, [...posts.keys()]);
      let read = 0;
      let stored = 0;
      for (const scope of scopes) {
        const n = await this.collectScope(accountId, adapter, creds, scope, posts);
        read += n.read;
        stored += n.stored;
      }
      return { kind: 'collected', scopes: scopes.length, read, stored };
    } catch (e) {
      if (isPlatformError(e) && e.kind === 'auth') {
        await this.accounts.markNeedsReconnect(accountId, e.platformMessage ?? 'auth');
        return { kind: 'reconnect' };
      }
      const message = e instanceof Error ? e.message : String(e);
      this.logger.warn({ msg: 'aduan collection failed', accountId, kind: isPlatformError(e) ? e.kind : 'error' });
      return { kind: 'retry', message };
    }
  }

  /** Waits for the shared budget; a hold or a spent YouTube day is a rate limit (the job is retried later). */
  private async admit(creds: AccountCredentials): Promise<void> {
    const a = await this.limits.admitCollect(creds.platform, creds.externalId);
    if (!a.ok)
      throw new PlatformError({ platform: creds.platform, kind: 'rate_limited', retryAt: a.until, platformCode: 'kabar_budget', platformMessage: a.reason });
  }

  private async collectScope(
    accountId: string,
    adapter: PlatformAdapter,
    creds: AccountCredentials,
    scope: CommentScope,
    posts: Map<string, string>,
  ): Promise<{ read: number; stored: number }> {
    let cursor = await this.cursors.get(accountId, scope.key);
    let read = 0;
    let stored = 0;
    // a read that stopped at its page budget with a cursor that moved on continues (after its items are stored)
    for (let round = 0; round < SCOPE_ROUNDS; round++) {
      let res: CommentRead;
      try {
        await this.admit(creds);
        res = await adapter.readComments(creds, scope, cursor);
      } catch (e) {
        // a deleted or hidden post: nothing more to read there
        if (isPlatformError(e) && e.kind === 'rejected' && scope.postExternalId) {
          await this.cursors.put(accountId, scope.key, null, null);
          return { read, stored };
        }
        throw e;
      }
      const items: IngestItem[] = res.items.map((i) => ({ ...i, context: i.postExternalId ? posts.get(i.postExternalId) : undefined }));
      const fresh = await this.ingest.store(accountId, items);
      // a ticket per new complaint (a crash between the two is caught up by the escalation pass: openMissing)
      if (fresh.length) await this.tickets.openFromComments(fresh);
      stored += fresh.length;
      read += items.length;
      const last = items.reduce<Date | null>((m, i) => (!m || i.writtenAt > m ? i.writtenAt : m), null);
      await this.cursors.put(accountId, scope.key, res.cursor, last);
      if (!res.more || !res.cursor || res.cursor === cursor) break;
      cursor = res.cursor;
    }
    return { read, stored };
  }
}
