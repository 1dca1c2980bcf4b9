import { readByTime } from '../comments/paged-read';
import { CitizenComment, CommentRead } from '../comments/types';
import { PlatformHttp } from '../http/http-client';
import { AccountCredentials } from '../types';

interface YtComment {
  id: string;
  snippet: {
    videoId?: string;
    textOriginal?: string;
    textDisplay?: string;
    parentId?: string;
    authorDisplayName?: string;
    authorChannelId?: { value: string };
    publishedAt: string;
  };
}

interface YtThreads {
  nextPageToken?: string;
  items: Array<{ id: string; snippet: { videoId?: string; topLevelComment: YtComment }; replies?: { comments: YtComment[] } }>;
}

/** Threads started this long before the cursor are still read: their new replies come with them. */
const REPLY_LOOKBACK_MS = 2 * 86_400_000;

/**
 * commentThreads.list?part=snippet,replies&allThreadsRelatedToChannelId={channel}&order=time&maxResults=100
 * (1 quota unit a page): the channel's comment threads, newest first, with the replies YouTube includes, page by
 * page until threads older than the cursor (less a lookback for late replies). The channel's own comments
 * (authorChannelId = the channel) are skipped.
 */
export function readYouTubeComments(http: PlatformHttp, apiUrl: string, account: AccountCredentials, cursor: string | null): Promise<CommentRead> {
  const oldest = cursor ? Date.parse(cursor) - REPLY_LOOKBACK_MS : -Infinity;
  const toItem = (c: YtComment, videoId: string | undefined): CitizenComment | null => {
    const author = c.snippet.authorChannelId?.value;
    if (author === account.externalId) return null;
    return {
      externalId: c.id,
      kind: c.snippet.parentId ? 'reply' : 'comment',
      postExternalId: videoId,
      parentExternalId: c.snippet.parentId,
      authorExternalId: author,
      authorHandle: (c.snippet.authorDisplayName ?? author ?? 'unknown').replace(/^@/, ''),
      authorName: c.snippet.authorDisplayName,
      text: c.snippet.textOriginal ?? c.snippet.textDisplay ?? '',
      url: videoId ? `https://www.youtube.com/watch?v=${videoId}&lc=${c.id}` : undefined,
      writtenAt: new Date(c.snippet.publishedAt),
    };
  };
  return readByTime<string>(cursor, async (pageToken) => {
    const res = await http.send<YtThreads>(account, {
      method: 'GET',
      url: `${apiUrl}/commentThreads`,
      headers: { Authorization: `Bearer ${account.accessToken}` },
      params: {
        part: 'snippet,replies',
        allThreadsRelatedToChannelId: account.externalId,
        order: 'time',
        maxResults: 100,
        textFormat: 'plainText',
        ...(pageToken ? { pageToken } : {}),
      },
    });
    const items: CitizenComment[] = [];
    let reachedOld = false;
    for (const t of res.data.items) {
      const top = t.snippet.topLevelComment;
      if (Date.parse(top.snippet.publishedAt) < oldest) {
        reachedOld = true;
        break;
      }
      for (const c of [top, ...(t.replies?.comments ?? [])]) {
        const item = toItem(c, t.snippet.videoId);
        if (item) items.push(item);
      }
    }
    return { items, next: res.data.nextPageToken, reachedOld };
  });
}
