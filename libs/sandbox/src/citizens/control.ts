import { SandboxStore } from '../store';
import { SandboxPlatform } from '../types';
import { addComment, setCitizensEnabled, SandboxComment, syncComments } from './comments';

/** Every comment of the account up to the sandbox clock (simulated and added), oldest first. */
export function sandboxComments(store: SandboxStore, platform: SandboxPlatform, accountExternalId: string): SandboxComment[] {
  const account = store.account(platform, accountExternalId);
  if (!account) return [];
  return [...syncComments(store, account)].sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * `/_sandbox/comments`: GET ?platform=&account= lists them; POST {platform, account, text, postExternalId?,
 * parentId?, authorHandle?, own?} adds one now; POST /citizens {enabled} turns the simulated citizens on or off.
 */
export function commentsControl(
  store: SandboxStore,
  path: string,
  method: string,
  body: Record<string, any>,
  query: URLSearchParams,
  platform: SandboxPlatform | undefined,
): { status: number; body: unknown } | undefined {
  if (path === '/citizens' && method === 'POST') {
    setCitizensEnabled(store, body.enabled !== false);
    return { status: 200, body: { enabled: body.enabled !== false } };
  }
  if (path !== '/comments') return undefined;
  const externalId = String(body.account ?? query.get('account') ?? '');
  const account = platform ? store.account(platform, externalId) : undefined;
  if (!platform || !account) return { status: 404, body: { error: `no ${platform ?? 'sandbox'} account ${externalId}` } };
  if (method === 'GET') return { status: 200, body: { comments: sandboxComments(store, platform, externalId) } };
  if (method !== 'POST') return undefined;
  if (typeof body.text !== 'string' || !body.text.trim()) return { status: 400, body: { error: 'text required' } };
  syncComments(store, account);
  const c = addComment(store, account, {
    text: body.text,
    postExternalId: body.postExternalId === undefined ? undefined : String(body.postExternalId),
    parentId: body.parentId === undefined ? undefined : String(body.parentId),
    authorHandle: body.authorHandle === undefined ? undefined : String(body.authorHandle),
    own: body.own === true,
  });
  return { status: 201, body: c };
}
