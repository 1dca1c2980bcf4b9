import type { PostStatus } from '../entities/post.entity';

/** Everything a post page may offer; which of them apply is decided here, once, for the API and the console. */
export const POST_ACTIONS = [
  'edit',
  'submit',
  'approve',
  'request_changes',
  'schedule',
  'reschedule',
  'unschedule',
  'cancel',
  'delete',
  'duplicate',
  'retry',
] as const;
export type PostAction = (typeof POST_ACTIONS)[number];

/** Target states nothing has gone out from yet (content may still change them). */
export const UNSENT_TARGET_STATES = ['pending', 'scheduled', 'held', 'cancelled'];

export const EDITABLE_STATUSES: PostStatus[] = ['draft', 'in_review', 'changes_requested', 'approved', 'scheduled'];
export const CANCELLABLE_STATUSES: PostStatus[] = ['in_review', 'changes_requested', 'approved', 'scheduled', 'publishing'];
export const DELETABLE_STATUSES: PostStatus[] = ['draft', 'in_review', 'changes_requested', 'approved', 'cancelled'];

export interface ActionFacts {
  status: PostStatus;
  /** The caller administers the post's unit (or an ancestor). */
  isAdmin: boolean;
  /** The caller reviews the post's unit (or an ancestor). */
  isReviewer: boolean;
  isAuthor: boolean;
  targetStatuses: string[];
}

/**
 * The actions the caller may take on the post now. Each rule is the one the endpoint enforces: an edit or a new
 * time never touches a target that is publishing or published (nothing goes out twice), a delete only removes a
 * post nothing went out from, and nobody approves their own post.
 */
export function allowedActions(f: ActionFacts): PostAction[] {
  const out: PostAction[] = [];
  const allUnsent = f.targetStatuses.every((s) => UNSENT_TARGET_STATES.includes(s));
  const anyOpen = f.targetStatuses.some((s) => ['pending', 'scheduled', 'held'].includes(s));
  if (f.isAdmin) {
    if (EDITABLE_STATUSES.includes(f.status) && allUnsent) out.push('edit');
    if (['draft', 'changes_requested'].includes(f.status)) out.push('submit');
    if (f.status === 'approved' && allUnsent) out.push('schedule');
    if (f.status === 'scheduled' && allUnsent) out.push('reschedule', 'unschedule');
  }
  if (f.isReviewer && !f.isAuthor) {
    if (f.status === 'in_review') out.push('approve');
    if (['in_review', 'approved'].includes(f.status)) out.push('request_changes');
  }
  if (f.isAdmin) {
    if (CANCELLABLE_STATUSES.includes(f.status) && (f.status !== 'publishing' || anyOpen)) out.push('cancel');
    if (DELETABLE_STATUSES.includes(f.status) && allUnsent) out.push('delete');
    out.push('duplicate');
    if (f.targetStatuses.some((s) => s === 'failed' || s === 'missed')) out.push('retry');
  }
  return out;
}
