import { COLLECT_JOB_KINDS } from './collection/collect.queue';
import { TICKET_JOB_KINDS } from './escalation/escalation.worker';

/** Every job kind of the aduan context (the worker must handle each): collection, escalation, the ticket webhook. */
export const ADUAN_JOB_KINDS = [...COLLECT_JOB_KINDS, ...TICKET_JOB_KINDS];
