import axios, { AxiosError, AxiosInstance } from 'axios';
import * as dns from 'node:dns';
import * as http from 'node:http';
import * as https from 'node:https';
import { isIP, LookupFunction } from 'node:net';
import type { Duplex } from 'node:stream';
import { AddressClass, classifyAddress, parseIp, unmapIpv4 } from './address-class';
import { AllowEntry, allows, parseAllowList } from './outbound-allow';

/** Error code of a request the guard refused before any byte left this machine. */
export const OUTBOUND_REFUSED = 'EOUTBOUND_REFUSED';
/** Error code of an answer longer than the cap (the download was stopped there). */
export const RESPONSE_TOO_LARGE = 'ERESPONSE_TOO_LARGE';

export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

/**
 * A request aimed at an address that is not public (or not http/https) and not allowed by the operator.
 * The message names the host as written and the kind of address, never whether anything listens there.
 */
export class OutboundRefusedError extends Error {
  readonly code = OUTBOUND_REFUSED;

  constructor(
    readonly host: string,
    readonly reason: AddressClass | 'scheme',
  ) {
    super(
      reason === 'scheme'
        ? 'outbound request refused: only http and https are allowed'
        : `outbound request refused: ${host} is not a public address (${reason})`,
    );
    this.name = 'OutboundRefusedError';
  }
}

/** The guard's refusal in an error chain (axios wraps errors and keeps the cause), if there is one. */
export function outboundRefusal(err: unknown): OutboundRefusedError | undefined {
  for (let e = err as { code?: string; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (e instanceof OutboundRefusedError) return e;
  }
  return undefined;
}

/** axios stops reading an answer at maxContentLength and says so in its message. */
export function isResponseTooLarge(err: unknown): boolean {
  const e = err as AxiosError | undefined;
  return e?.code === RESPONSE_TOO_LARGE || (e?.code === AxiosError.ERR_BAD_RESPONSE && /maxContentLength size of/.test(String(e.message)));
}

/** Which outbound addresses may be reached: every public one, plus what the operator allows. */
export class OutboundPolicy {
  readonly entries: readonly AllowEntry[];

  constructor(allow: string | readonly string[] | readonly AllowEntry[] = []) {
    this.entries =
      typeof allow === 'string' || !allow.length || typeof allow[0] === 'string' ? parseAllowList(allow as string | string[]) : (allow as AllowEntry[]);
  }

  /** The same policy plus more entries (e.g. Kabar's own origin for its media links). */
  with(extra: readonly string[]): OutboundPolicy {
    return new OutboundPolicy([...this.entries, ...parseAllowList(extra)]);
  }

  /** Null when a connection to `address` (resolved from `host`) on `port` may go ahead; else why not. */
  refusal(host: string, address: string, port: number): AddressClass | null {
    const bytes = parseIp(address);
    if (!bytes) return 'reserved';
    const ip = unmapIpv4(bytes);
    const cls = classifyAddress(ip);
    if (cls === 'public') return null;
    return this.entries.some((e) => allows(e, host, ip, port)) ? null : cls;
  }

  /**
   * Checks a URL before it is requested: the scheme, and the address when the host is an IP literal (Node
   * connects to literals without a lookup, so the agents' lookup never sees them). Names are checked by the
   * agents at connect time, after resolution, so a name that changes its address between checks is caught.
   */
  checkUrl(url: string): void {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return; // axios reports the bad URL itself
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new OutboundRefusedError(u.hostname, 'scheme');
    const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
    if (!isIP(host)) return;
    const cls = this.refusal(host, host, Number(u.port) || (u.protocol === 'https:' ? 443 : 80));
    if (cls) throw new OutboundRefusedError(host, cls);
  }

  /** Wraps a connection's options so that every address it resolves to is checked before connecting. */
  guardConnect(options: { host?: string | null; hostname?: string | null; port?: number | string | null; lookup?: LookupFunction }): {
    refused?: OutboundRefusedError;
    options: object;
  } {
    const host = String(options.host ?? options.hostname ?? 'localhost').replace(/^\[(.*)\]$/, '$1');
    const port = Number(options.port) || 0;
    if (isIP(host)) {
      const cls = this.refusal(host, host, port);
      return cls ? { refused: new OutboundRefusedError(host, cls), options } : { options };
    }
    const inner: LookupFunction = options.lookup ?? (dns.lookup as unknown as LookupFunction);
    const lookup: LookupFunction = (hostname, opts, callback) => {
      inner(hostname, { ...opts, all: true }, (err, addresses) => {
        if (err) return callback(err, '', 0);
        const list = (Array.isArray(addresses) ? addresses : [{ address: addresses, family: 0 }]) as dns.LookupAddress[];
        for (const a of list) {
          const cls = this.refusal(host, a.address, port);
          if (cls) return callback(new OutboundRefusedError(host, cls), '', 0);
        }
        if (!list.length) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
        if (opts.all) (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
        else callback(null, list[0].address, list[0].family);
      });
    };
    return { options: { ...options, lookup } };
  }
}

type ConnectCallback = (err: Error | null, stream: Duplex) => void;

function guarded<A extends http.Agent>(agent: A, policy: OutboundPolicy): A {
  const connect = agent.createConnection.bind(agent) as (options: object, cb?: ConnectCallback) => Duplex | null | undefined;
  agent.createConnection = ((options: Parameters<OutboundPolicy['guardConnect']>[0], cb?: ConnectCallback) => {
    const checked = policy.guardConnect(options);
    if (checked.refused) {
      const err = checked.refused;
      if (cb) process.nextTick(() => cb(err, undefined as unknown as Duplex));
      return undefined;
    }
    return connect(checked.options, cb);
  }) as A['createConnection'];
  return agent;
}

/** http and https agents that refuse, at connect time, every address the policy does not allow. */
export function guardedAgents(policy: OutboundPolicy, opts: http.AgentOptions = { keepAlive: true, maxSockets: 256 }) {
  return { httpAgent: guarded(new http.Agent(opts), policy), httpsAgent: guarded(new https.Agent(opts), policy) };
}

export interface OutboundClientOptions {
  timeoutMs: number;
  /** Longest answer read; longer ones fail with RESPONSE_TOO_LARGE without being read to the end. */
  maxResponseBytes?: number;
  agentOptions?: http.AgentOptions;
}

/**
 * The one axios instance shape for every request Kabar sends out: guarded agents, the URL checked before
 * each request, no redirects followed, no proxy from the environment (it would bypass the address check),
 * answers capped. Every status resolves (callers classify them).
 */
export function createOutboundClient(policy: OutboundPolicy, opts: OutboundClientOptions): AxiosInstance {
  const instance = axios.create({
    timeout: opts.timeoutMs,
    ...guardedAgents(policy, opts.agentOptions),
    proxy: false,
    validateStatus: () => true,
    maxRedirects: 0,
    maxBodyLength: Infinity,
    maxContentLength: opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: true },
  });
  instance.interceptors.request.use((config) => {
    policy.checkUrl(instance.getUri(config));
    return config;
  });
  return instance;
}
