export { startIdp, type Idp, type IdpOptions, type IdpRequest } from './server.js';
export type { TokenSpec } from './tokens.js';
export type { SigningAlg } from './pki.js';
