import { api } from '../../api/client';
import type { Post } from '../content/api';
import type { PublishTarget } from '../publishing/publishing-api';

/** The actions the server allows on a post for the caller (`allowedActions` of GET /v1/posts/:id); the page offers exactly these. */
export type PostAction =
  'edit' | 'submit' | 'approve' | 'request_changes' | 'schedule' | 'reschedule' | 'unschedule' | 'cancel' | 'delete' | 'duplicate' | 'retry';

export interface PostWithActions extends Post {
  authorId: string | null;
  allowedActions: PostAction[];
  warnings?: Array<{ field: string; code: string; message: string }>;
}

export interface PostTargets {
  postId: string;
  postStatus: string;
  targets: PublishTarget[];
}

const path = (id: string) => `/v1/posts/${encodeURIComponent(id)}`;

export const loadPost = (id: string) => api<PostWithActions>(path(id));
export const loadTargets = (id: string) => api<PostTargets>(`${path(id)}/targets`);

/** One step of the workflow; each names the version the page shows, so a post changed meanwhile is refused (409). */
export function runStep(post: PostWithActions, step: string, body: Record<string, unknown> = {}): Promise<PostWithActions> {
  return api<PostWithActions>(`${path(post.id)}/${step}`, { method: 'POST', body: JSON.stringify({ version: post.version, ...body }) });
}

export const duplicatePost = (post: PostWithActions) => api<PostWithActions>(`${path(post.id)}/duplicate`, { method: 'POST' });
export const deletePost = (post: PostWithActions) => api<void>(`${path(post.id)}?version=${post.version}`, { method: 'DELETE' });
export const retryTarget = (postId: string, targetId: string) => api(`${path(postId)}/targets/${targetId}/retry`, { method: 'POST' });
