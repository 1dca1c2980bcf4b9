/** The shapes of /api/v1/aduan/tickets as the inbox reads them. */
export interface UnitRef {
  unitId: string;
  name: string;
}

export interface Ticket {
  id: string;
  commentId: string;
  number: string;
  status: string;
  version: number;
  category: string | null;
  platform: string;
  text: string;
  url: string | null;
  authorHandle: string;
  writtenAt: string;
  openedAt: string;
  dueAt: string;
  firstAnsweredAt: string | null;
  resolvedAt: string | null;
  overdue: boolean;
  escalationLevel: number;
  forwardedTo: string | null;
  timeZone: string;
  agency: (UnitRef & { code: string | null }) | null;
  place: (UnitRef & { kind: string }) | null;
  kecamatan: UnitRef | null;
  account: { id: string; handle: string | null; name: string | null; unitId: string; unitName: string };
  allowedActions: string[];
}

export interface Reason {
  text: string;
  kind: string;
  supports: string;
  weight?: number;
}

export interface TicketDetail extends Ticket {
  canAct: boolean;
  comment: { kind: string; text: string; url: string | null; authorHandle: string; writtenAt: string; score: number | null; reasons: Reason[] };
  post: { externalId: string | null; targetId: string | null; postId: string | null; url: string | null; text: string | null } | null;
  events: Array<{ at: string; action: string; from: string | null; to: string | null; actorName: string | null; data: Record<string, unknown> }>;
}

export interface InboxMeta {
  categories: Array<{ key: string; label: { id: string; en: string } }>;
  agencies: Array<UnitRef & { code: string | null }>;
  places: Array<UnitRef & { kind: string; parentId: string | null }>;
  canAct: boolean;
}

export const STATUSES = ['baru', 'terverifikasi', 'didisposisikan', 'ditindaklanjuti', 'selesai', 'bukan_aduan', 'bukan_wewenang', 'arsip'] as const;

/** The URL names of the state machine's actions. */
export const ACTION_PATHS: Record<string, string> = {
  verify: 'verify',
  dispose: 'dispose',
  follow_up: 'follow-up',
  resolve: 'resolve',
  not_complaint: 'not-a-complaint',
  forward: 'forward',
  archive: 'archive',
  reclassify: 'reclassify',
};

/** /api/v1/aduan/comments/:id/replies: the replies sent to a comment and the templates offered for it. */
export interface Reply {
  id: string;
  text: string;
  language: 'id' | 'en';
  status: string;
  url: string | null;
  publishedAt: string | null;
  problem: string | null;
  createdByName: string | null;
  createdAt: string;
}

export interface ReplyList {
  items: Reply[];
  templates: Array<{ key: string; language: 'id' | 'en'; text: string }>;
  detectedLanguage: 'id' | 'en';
  warnings: Array<{ code: string; message: string }>;
}
