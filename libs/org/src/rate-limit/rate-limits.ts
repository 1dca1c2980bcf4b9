import type { Request } from 'express';

export interface RateRule {
  /** Requests allowed at once; after the burst, one every windowSeconds / limit. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitSpec {
  /** Bucket name, the first part of every key. */
  name: string;
  /** Per client: req.ip, which follows `trust proxy`. */
  perIp: RateRule;
  /** Per target (the account, token or feed aimed at), when the request names one. */
  perTarget?: RateRule & { target: (req: Request) => unknown };
}

const bodyField = (field: string) => (req: Request) => (req.body as Record<string, unknown> | undefined)?.[field];
const cookie = (name: string) => (req: Request) => (req.cookies as Record<string, unknown> | undefined)?.[name];
const param = (name: string) => (req: Request) => req.params?.[name];

/**
 * The limits of every unauthenticated endpoint (issue #13), in one place. Counted in PostgreSQL, shared by every
 * API process. Per client they are generous, since a whole office may share one address behind NAT; per
 * target they are tight. Login has no per-account limit of its own: one would let anyone lock an account
 * out; wrong passwords are slowed down per (account, client) and per client instead (LoginThrottle).
 */
export const RATE_LIMITS = {
  login: { name: 'login', perIp: { limit: 60, windowSeconds: 60 } },
  refresh: {
    name: 'refresh',
    perIp: { limit: 120, windowSeconds: 60 },
    perTarget: { limit: 10, windowSeconds: 60, target: cookie('kabar_rt') },
  },
  logout: { name: 'logout', perIp: { limit: 120, windowSeconds: 60 } },
  resetPassword: {
    name: 'reset',
    perIp: { limit: 20, windowSeconds: 15 * 60 },
    perTarget: { limit: 5, windowSeconds: 15 * 60, target: bodyField('token') },
  },
  icalFeed: {
    name: 'ical',
    perIp: { limit: 120, windowSeconds: 60 },
    perTarget: { limit: 10, windowSeconds: 60, target: param('token') },
  },
  mediaPublic: {
    name: 'media',
    perIp: { limit: 600, windowSeconds: 60 },
    perTarget: { limit: 120, windowSeconds: 60, target: param('token') },
  },
  oauthCallback: {
    name: 'oauth',
    perIp: { limit: 30, windowSeconds: 60 },
    perTarget: { limit: 5, windowSeconds: 60, target: (req: Request) => req.query?.state },
  },
} satisfies Record<string, RateLimitSpec>;
