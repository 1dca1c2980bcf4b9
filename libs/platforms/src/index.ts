export * from './types';
export { defaultPlatformsConfig } from './config';
export { PlatformError, isPlatformError } from './errors';
export type { PlatformErrorKind, PlatformErrorInit } from './errors';
export { PlatformRegistry } from './registry';
export { loadPlatformLimits } from './limits';
export type { PlatformLimits, PlatformLimitsTable, MediaLimits, TextLimit } from './limits';
export { contentFingerprint, matchesFingerprint, normalizeForFingerprint } from './text/fingerprint';
export { composeText, htmlToText } from './text/compose';
export { xWeightedLength, mastodonLength, threadsLength, textLength } from './text/length';
export type { CountingMode } from './text/length';
export { pkceChallenge } from './http/oauth';
export { redact } from './http/network-errors';
export { classifyAddress, parseCidr, parseIp } from './http/address-class';
export type { AddressClass } from './http/address-class';
export { allowEntryFor, AllowListError, parseAllowEntry, parseAllowList } from './http/outbound-allow';
export type { AllowEntry } from './http/outbound-allow';
export {
  createOutboundClient,
  DEFAULT_MAX_RESPONSE_BYTES,
  guardedAgents,
  isResponseTooLarge,
  OUTBOUND_REFUSED,
  outboundRefusal,
  OutboundPolicy,
  OutboundRefusedError,
  RESPONSE_TOO_LARGE,
} from './http/outbound-guard';
export { TELEGRAM_LATE_MS } from './telegram/telegram.adapter';
export type { CallGate } from './http/call-gate';
export * from './shared-limits';
export * from './comments/types';
