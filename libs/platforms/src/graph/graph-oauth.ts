import { withQuery } from '../http/oauth';
import { AuthorizeUrlParams } from '../types';

/** Meta authorize dialog (Facebook, Instagram Login, Threads): comma-separated scopes, response_type=code. */
export function metaAuthorizeUrl(authorizeUrl: string, p: AuthorizeUrlParams): string {
  return withQuery(authorizeUrl, { client_id: p.clientId, redirect_uri: p.redirectUri, state: p.state, scope: p.scopes.join(','), response_type: 'code' });
}
