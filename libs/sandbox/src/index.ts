export { startSandbox } from './server';
export type { SandboxHandle, SandboxOptions } from './server';
export { SandboxStore } from './store';
export type { CreateAccountOptions } from './store';
export { sandboxEndpoints } from './endpoints';
export type { SandboxEndpoints } from './endpoints';
export type { FaultKind, FaultSpec, SandboxAccount, SandboxCredentials, SandboxPlatform, SandboxPost } from './types';
export { SANDBOX_PLATFORMS } from './types';
