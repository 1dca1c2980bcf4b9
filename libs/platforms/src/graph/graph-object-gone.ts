import { PlatformError } from '../errors';
import { Classifier } from '../http/http-client';
import { Platform } from '../types';
import { classifyGraph } from './graph-errors';

/**
 * For reads of one object's edge (a post's comments): "object does not exist, cannot be loaded due to missing
 * permissions" (100/33) means the post was deleted or hidden, not that the account lost its token: `rejected`
 * with code `object_gone`, so the caller drops that post instead of asking for a reconnection.
 */
export const graphObjectRead =
  (platform: Platform): Classifier =>
  (reply) => {
    const e = classifyGraph(platform, reply);
    if (e?.kind !== 'auth' || e.platformCode !== '100/33') return e;
    return new PlatformError({ platform, kind: 'rejected', httpStatus: e.httpStatus, platformCode: 'object_gone', platformMessage: e.platformMessage });
  };
