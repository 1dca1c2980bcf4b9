import { maxId } from '../comments/id-order';
import { CitizenComment, COMMENT_PAGE_BUDGET, CommentRead } from '../comments/types';
import { PlatformHttp } from '../http/http-client';
import { AccountCredentials } from '../types';

interface MentionTweet {
  id: string;
  text: string;
  author_id?: string;
  created_at?: string;
  conversation_id?: string;
  in_reply_to_user_id?: string;
  referenced_tweets?: Array<{ type: string; id: string }>;
}

interface MentionsPage {
  data?: MentionTweet[];
  includes?: { users?: Array<{ id: string; name: string; username: string }> };
  meta?: { result_count: number; newest_id?: string; next_token?: string };
}

/**
 * GET /2/users/:id/mentions?since_id={cursor}&max_results=100: the mentions newer than the cursor, newest first,
 * following meta.next_token (X's rule: page to the end, then use the first page's newest_id as the next
 * since_id). A reply to the account's own tweet (in_reply_to_user_id = the account) is a comment on that post;
 * a reply to someone else that mentions it is a reply; anything else a mention. The first read takes the
 * newest page only; past the page budget the older rest of that burst is left (logged by the caller as `more`).
 */
export async function readXMentions(
  http: PlatformHttp,
  apiUrl: string,
  auth: Record<string, string>,
  account: AccountCredentials,
  cursor: string | null,
): Promise<CommentRead> {
  const items: CitizenComment[] = [];
  let newest = cursor;
  let token: string | undefined;
  for (let i = 0; i < COMMENT_PAGE_BUDGET * 2; i++) {
    const res = await http.send<MentionsPage>(account, {
      method: 'GET',
      url: `${apiUrl}/users/${encodeURIComponent(account.externalId)}/mentions`,
      headers: auth,
      params: {
        max_results: 100,
        'tweet.fields': 'created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets',
        expansions: 'author_id',
        'user.fields': 'username,name',
        ...(cursor ? { since_id: cursor } : {}),
        ...(token ? { pagination_token: token } : {}),
      },
    });
    const users = new Map((res.data.includes?.users ?? []).map((u) => [u.id, u]));
    for (const t of res.data.data ?? []) {
      newest = maxId(newest, t.id);
      if (t.author_id === account.externalId) continue;
      const repliedTo = t.referenced_tweets?.find((r) => r.type === 'replied_to')?.id;
      const onOurPost = !!repliedTo && t.in_reply_to_user_id === account.externalId;
      const user = t.author_id ? users.get(t.author_id) : undefined;
      items.push({
        externalId: t.id,
        kind: onOurPost ? 'comment' : repliedTo ? 'reply' : 'mention',
        postExternalId: onOurPost ? repliedTo : undefined,
        parentExternalId: !onOurPost ? repliedTo : undefined,
        authorExternalId: t.author_id,
        authorHandle: user?.username ?? t.author_id ?? 'unknown',
        authorName: user?.name,
        text: t.text,
        url: `https://x.com/${user?.username ?? 'i'}/status/${t.id}`,
        writtenAt: new Date(t.created_at ?? Date.now()),
      });
    }
    token = res.data.meta?.next_token;
    // the first read (no cursor) starts at the newest page: no history from before Kabar
    if (!token || !cursor) return { items, cursor: newest, more: false };
  }
  return { items, cursor: newest, more: true };
}
