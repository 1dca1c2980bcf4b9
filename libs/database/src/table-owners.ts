/**
 * Which lib owns each table: only the owner's SQL names it. Another lib reads it through the owner's public
 * services or SQL read models (`libs/<owner>/src/read-model`), except the reads granted below, each with its reason.
 * `libs/database/test/table-ownership.spec.ts` scans every lib's SQL against this map.
 */
export const TABLE_OWNERS: Record<string, string> = {
  units: 'org',
  users: 'org',
  memberships: 'org',
  audit_log: 'org',
  auth_sessions: 'org',
  login_attempts: 'org',
  password_resets: 'org',
  app_settings: 'org',
  social_accounts: 'accounts',
  oauth_states: 'accounts',
  posts: 'content',
  post_variants: 'content',
  post_media: 'content',
  post_history: 'content',
  media: 'content',
  programs: 'content',
  campaigns: 'content',
  pillars: 'content',
  hashtag_sets: 'content',
  glossary_terms: 'content',
  post_templates: 'content',
  ical_feeds: 'content',
  post_targets: 'publishing',
  publish_attempts: 'publishing',
  notifications: 'publishing',
  account_snapshots: 'analytics',
  account_snapshots_plain: 'analytics',
  account_daily: 'analytics',
  post_metrics: 'analytics',
  target_metrics: 'analytics',
  unit_daily: 'analytics',
  unit_targets: 'analytics',
  aduan_comments: 'aduan',
  aduan_corrections: 'aduan',
  aduan_cursors: 'aduan',
  aduan_tickets: 'aduan',
  aduan_ticket_events: 'aduan',
  aduan_ticket_numbers: 'aduan',
  aduan_replies: 'aduan',
  limit_slots: 'platforms',
  limit_buckets: 'platforms',
  limit_quota_days: 'platforms',
  limit_holds: 'platforms',
};

/** Libs that write every context's tables, with the reason; they own none. */
export const SEEDING_LIBS: Record<string, string> = {
  demo: 'seeds the Kota Bogor demo and a year of history for `npm start`; production never runs it',
};

/** Reads of another lib's tables that stay, by lib and table, with the reason. A grant no code uses fails the test. */
export const READ_GRANTS: Record<string, Record<string, string>> = {
  analytics: {
    units: 'reports are a read model over the whole tree: one SQL statement per report',
    users: "a report's time zone is the caller's",
    posts: 'reports join posts to their metrics',
    post_targets: 'reports and collection join targets to their metrics',
    social_accounts: 'reports and collection list accounts with their figures',
    programs: 'the programmes report',
    pillars: 'the pillars report',
  },
  content: {
    target_metrics: "the composer's best time to post ranks hours by the unit's own past interactions (one SQL statement)",
    memberships: "a submission notifies the reviewers of the post's unit and the units above it",
    notifications: 'review steps (submitted, approved, changes requested) write their notifications',
    units: "the calendar, iCal feeds, planner and post list show a unit's name and filter by its subtree",
    users: "the calendar's time zone is the caller's; the post list shows the author",
    social_accounts: "a post's targets name their accounts",
    post_targets: 'a post is scheduled with its targets (publishing moves them afterwards)',
  },
  publishing: {
    social_accounts: "the claim and the hold of an account's targets filter on its status and platform (the dispatch path)",
    posts: "a post's status is rolled up from its targets",
  },
  org: {
    social_accounts: "a unit's overview counts its accounts",
    unit_daily: "a wilayah re-import moves a unit's rollups with it",
  },
  aduan: {
    units: 'the classifier routes to the units of the tree',
    social_accounts: "collection, tickets and replies read the account a comment came from (platform, status, unit) — not yet behind accounts' AccountHealth",
    post_targets: "a comment is linked to Kabar's post it answers, and a reply's state is its target's (replies are published by publishing's engine)",
    post_variants: 'a comment is shown with the text of the post it answers',
    posts: "a reply is a post of kind 'reply' created with its one target",
    notifications: 'escalation of an overdue ticket writes notifications',
    memberships: "escalation notifies the OPD's and the city's admins",
    users: 'escalation notifies users; tickets and replies name who acted',
  },
};
