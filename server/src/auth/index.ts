/** SSO token validation, the bearer preHandler, and Graph token acquisition (on-behalf-of, app-only). */
export { createTokenValidator, ADMIN_APP_ROLE, ADMIN_DIRECTORY_ROLE_TEMPLATE_IDS, type Caller, type TokenValidator, type TokenValidatorOptions } from './token-validator';
export { AuthError, type AuthErrorCode } from './auth-error';
export { entraTokenValidatorOptions, demoTokenValidatorOptions, ENTRA_JWKS_URL, type DemoIdentitySettings } from './validator-presets';
export { authenticate, readBearerToken, registerRequestAuth, requestAuth, type RequestAuth } from './bearer';
export { createGraphTokens, entraAuthority, TokenAcquisitionError, DELEGATED_GRAPH_SCOPES, APP_GRAPH_SCOPES, type GraphTokens, type GraphTokensOptions, type TenantAuthority } from './graph-tokens';
export { demoGraphTokensOptions, demoIdentitySettings, demoNetworkClient, demoTenantAuthority } from './demo-identity';
