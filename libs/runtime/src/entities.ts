import { ORG_ENTITIES } from '@kabar/org';
import { ACCOUNTS_ENTITIES } from '@kabar/accounts';
import { CONTENT_ENTITIES } from '@kabar/content';

/** Every entity of every context, for the TypeORM CLI and the seeds. */
export const ALL_ENTITIES = [...ORG_ENTITIES, ...ACCOUNTS_ENTITIES, ...CONTENT_ENTITIES];
