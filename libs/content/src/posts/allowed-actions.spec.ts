import { allowedActions } from './allowed-actions';

describe('allowedActions', () => {
  const admin = { isAdmin: true, isReviewer: false, isAuthor: true };
  const reviewer = { isAdmin: false, isReviewer: true, isAuthor: false };

  it('follows the workflow for the admin who wrote the post', () => {
    expect(allowedActions({ ...admin, status: 'draft', targetStatuses: ['pending'] })).toEqual(['edit', 'submit', 'delete', 'duplicate']);
    expect(allowedActions({ ...admin, status: 'approved', targetStatuses: ['pending'] })).toEqual(['edit', 'schedule', 'cancel', 'delete', 'duplicate']);
    expect(allowedActions({ ...admin, status: 'scheduled', targetStatuses: ['scheduled', 'scheduled'] })).toEqual([
      'edit',
      'reschedule',
      'unschedule',
      'cancel',
      'duplicate',
    ]);
  });

  it('never offers to change or delete what has gone out, and offers retry for what failed', () => {
    expect(allowedActions({ ...admin, status: 'publishing', targetStatuses: ['published', 'scheduled'] })).toEqual(['cancel', 'duplicate']);
    expect(allowedActions({ ...admin, status: 'partially_failed', targetStatuses: ['published', 'failed'] })).toEqual(['duplicate', 'retry']);
    expect(allowedActions({ ...admin, status: 'published', targetStatuses: ['published'] })).toEqual(['duplicate']);
    expect(allowedActions({ ...admin, status: 'cancelled', targetStatuses: ['cancelled'] })).toEqual(['delete', 'duplicate']);
    expect(allowedActions({ ...admin, status: 'cancelled', targetStatuses: ['published', 'cancelled'] })).toEqual(['duplicate']);
  });

  it('lets a reviewer review others’ posts only', () => {
    expect(allowedActions({ ...reviewer, status: 'in_review', targetStatuses: ['pending'] })).toEqual(['approve', 'request_changes']);
    expect(allowedActions({ ...reviewer, status: 'approved', targetStatuses: ['pending'] })).toEqual(['request_changes']);
    expect(allowedActions({ ...reviewer, isAuthor: true, status: 'in_review', targetStatuses: ['pending'] })).toEqual([]);
    expect(allowedActions({ ...reviewer, status: 'scheduled', targetStatuses: ['scheduled'] })).toEqual([]);
  });
});
