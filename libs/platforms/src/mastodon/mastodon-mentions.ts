import { maxId } from '../comments/id-order';
import { CitizenComment, COMMENT_PAGE_BUDGET, CommentRead } from '../comments/types';
import { PlatformHttp } from '../http/http-client';
import { htmlToText } from '../text/compose';
import { AccountCredentials } from '../types';

interface MastodonAccount {
  id: string;
  username: string;
  acct: string;
  display_name?: string;
}

interface Notification {
  id: string;
  type: string;
  created_at: string;
  account: MastodonAccount;
  status?: {
    id: string;
    created_at: string;
    in_reply_to_id: string | null;
    in_reply_to_account_id: string | null;
    url: string | null;
    uri: string;
    content: string;
    account: MastodonAccount;
  };
}

const LIMIT = 80;

/**
 * GET /api/v1/notifications?types[]=mention&min_id={cursor}&limit=80: the mentions right after the cursor,
 * page after page (`min_id` = the newest of the page read), until a page is not full or the budget is spent.
 * A reply to one of the account's statuses (in_reply_to_account_id = the account) is a comment on that post;
 * a reply elsewhere in a thread that mentions it is a reply; anything else a mention. The cursor is the
 * notification id (the first read takes the newest page only: no history from before Kabar).
 */
export async function readMastodonMentions(http: PlatformHttp, base: string, account: AccountCredentials, cursor: string | null): Promise<CommentRead> {
  const items: CitizenComment[] = [];
  let next = cursor;
  for (let i = 0; i < COMMENT_PAGE_BUDGET; i++) {
    const res = await http.send<Notification[]>(account, {
      method: 'GET',
      url: `${base}/api/v1/notifications`,
      headers: { Authorization: `Bearer ${account.accessToken}` },
      params: { 'types[]': 'mention', limit: LIMIT, ...(next ? { min_id: next } : {}) },
    });
    for (const n of res.data) {
      next = maxId(next, n.id);
      const s = n.status;
      if (n.type !== 'mention' || !s || s.account.id === account.externalId) continue;
      const onOurPost = !!s.in_reply_to_id && s.in_reply_to_account_id === account.externalId;
      items.push({
        externalId: s.id,
        kind: onOurPost ? 'comment' : s.in_reply_to_id ? 'reply' : 'mention',
        postExternalId: onOurPost ? s.in_reply_to_id! : undefined,
        parentExternalId: !onOurPost && s.in_reply_to_id ? s.in_reply_to_id : undefined,
        authorExternalId: s.account.id,
        authorHandle: s.account.acct,
        authorName: s.account.display_name || undefined,
        text: htmlToText(s.content),
        url: s.url ?? s.uri,
        writtenAt: new Date(s.created_at),
      });
    }
    if (res.data.length < LIMIT) return { items, cursor: next, more: false };
  }
  return { items, cursor: next, more: true };
}
