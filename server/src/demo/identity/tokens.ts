import { createHash, randomUUID } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import {
  DEMO_APP_ID_URI, DEMO_CLIENT_ID, GRAPH_APP_ID, GRAPH_RESOURCE, SSO_SCOPE, TEAMS_WEB_CLIENT_ID, demoIssuer,
} from '../constants';
import type { DemoOrg, DemoPerson } from '../org';
import { stableGuid } from '../prng';
import type { SigningKey } from './keys';
import type { DemoRegistration } from '../registration';

export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3599;

/** The Unplug app's service principal in the demo tenant: `oid` of app-only tokens. */
export const DEMO_SERVICE_PRINCIPAL_ID = stableGuid('unplug-demo/service-principal');

export interface IssuedToken {
  token: string;
  expiresIn: number;
}

/** Who a verified Graph token speaks for. */
/** Who calls the demo Graph; `appId` is the calling app's id (the token's `appid`). */
export type GraphPrincipal =
  | { kind: 'delegated'; person: DemoPerson; scopes: ReadonlySet<string>; appId?: string }
  | { kind: 'application'; roles: ReadonlySet<string>; appId?: string };

export type VerifyFailure = { ok: false; reason: 'expired' | 'audience' | 'invalid' | 'unknownUser' };

/**
 * Issues and verifies the demo identity's tokens: SSO tokens shaped like the ones Teams gets for
 * the tab, delegated Graph tokens (on-behalf-of) and app-only Graph tokens (client credentials).
 */
export class DemoIdentity {
  constructor(
    private readonly key: SigningKey,
    private readonly org: DemoOrg,
    private readonly clock: () => number,
    /** What the app registration (`aad.manifest.json`) makes Entra put in tokens. */
    private readonly registration: Pick<DemoRegistration, 'emitsWids'> = { emitsWids: false },
  ) {}

  get issuer(): string {
    return demoIssuer(this.org.tenantId);
  }

  jwks(): { keys: Array<Record<string, unknown>> } {
    return { keys: [{ ...this.key.publicJwk }] };
  }

  /**
   * A token like Teams' `getAuthToken()` gives the tab: v2 claims for the Unplug app. `wids` only
   * when the registration asks for it (`groupMembershipClaims`), as Entra does; `acrs` lists the
   * authentication contexts the person satisfied (a claims request, e.g. after MFA).
   */
  issueSsoToken(person: DemoPerson, expiresInSeconds = DEFAULT_TOKEN_LIFETIME_SECONDS, authContexts: readonly string[] = []): Promise<IssuedToken> {
    return this.sign({
      aud: DEMO_APP_ID_URI,
      azp: TEAMS_WEB_CLIENT_ID,
      azpacr: '0',
      name: person.displayName,
      oid: person.id,
      preferred_username: person.userPrincipalName,
      rh: '0.demo.',
      scp: SSO_SCOPE,
      sub: pairwiseSubject(person.id, DEMO_CLIENT_ID),
      tid: this.org.tenantId,
      ver: '2.0',
      ...(person.roles.length > 0 ? { roles: person.roles } : {}),
      ...(this.registration.emitsWids ? { wids: person.wids } : {}),
      ...(authContexts.length > 0 ? { acrs: [...new Set(authContexts)] } : {}),
    }, expiresInSeconds);
  }

  /** A delegated Graph token for `person`, as on-behalf-of returns it. */
  issueDelegatedGraphToken(person: DemoPerson, scopes: readonly string[], expiresInSeconds = DEFAULT_TOKEN_LIFETIME_SECONDS): Promise<IssuedToken> {
    return this.sign({
      aud: GRAPH_RESOURCE,
      app_displayname: 'Unplug',
      appid: DEMO_CLIENT_ID,
      azp: DEMO_CLIENT_ID,
      idtyp: 'user',
      name: person.displayName,
      oid: person.id,
      scp: scopes.join(' '),
      sub: pairwiseSubject(person.id, GRAPH_APP_ID),
      tid: this.org.tenantId,
      upn: person.userPrincipalName,
      ver: '2.0',
    }, expiresInSeconds);
  }

  /** An app-only Graph token, as client credentials return it; no `roles` claim when none were granted. */
  issueApplicationGraphToken(roles: readonly string[], expiresInSeconds = DEFAULT_TOKEN_LIFETIME_SECONDS): Promise<IssuedToken> {
    return this.sign({
      aud: GRAPH_RESOURCE,
      app_displayname: 'Unplug',
      appid: DEMO_CLIENT_ID,
      azp: DEMO_CLIENT_ID,
      idtyp: 'app',
      oid: DEMO_SERVICE_PRINCIPAL_ID,
      sub: DEMO_SERVICE_PRINCIPAL_ID,
      tid: this.org.tenantId,
      ver: '2.0',
      ...(roles.length > 0 ? { roles: [...roles] } : {}),
    }, expiresInSeconds);
  }

  /** Checks an on-behalf-of assertion: an SSO token this identity issued for the Unplug app. */
  async verifySsoAssertion(token: string): Promise<{ ok: true; person: DemoPerson; claims: JWTPayload } | VerifyFailure> {
    const result = await this.verify(token, [DEMO_APP_ID_URI, DEMO_CLIENT_ID]);
    if (!result.ok) return result;
    const person = typeof result.claims.oid === 'string' ? this.org.find(result.claims.oid) : undefined;
    return person ? { ok: true, person, claims: result.claims } : { ok: false, reason: 'unknownUser' };
  }

  /** Checks a bearer token the demo Graph received. */
  async verifyGraphToken(token: string): Promise<{ ok: true; principal: GraphPrincipal } | VerifyFailure> {
    const result = await this.verify(token, [GRAPH_RESOURCE, GRAPH_APP_ID]);
    if (!result.ok) return result;
    const { claims } = result;
    const appId = typeof claims.appid === 'string' ? claims.appid : undefined;
    if (typeof claims.scp === 'string') {
      const person = typeof claims.oid === 'string' ? this.org.find(claims.oid) : undefined;
      if (!person) return { ok: false, reason: 'unknownUser' };
      return { ok: true, principal: { kind: 'delegated', person, scopes: new Set(claims.scp.split(' ').filter(Boolean)), appId } };
    }
    const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [];
    return { ok: true, principal: { kind: 'application', roles: new Set(roles), appId } };
  }

  private async verify(token: string, audience: string[]): Promise<{ ok: true; claims: JWTPayload } | VerifyFailure> {
    try {
      const { payload } = await jwtVerify(token, this.key.publicKey, {
        algorithms: ['RS256'],
        issuer: this.issuer,
        audience,
        currentDate: new Date(this.clock()),
        clockTolerance: 5,
      });
      if (payload.tid !== this.org.tenantId) return { ok: false, reason: 'invalid' };
      return { ok: true, claims: payload };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) return { ok: false, reason: 'expired' };
      if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'aud') return { ok: false, reason: 'audience' };
      if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'nbf') return { ok: false, reason: 'expired' };
      return { ok: false, reason: 'invalid' };
    }
  }

  private async sign(claims: Record<string, unknown>, expiresInSeconds: number): Promise<IssuedToken> {
    const now = Math.floor(this.clock() / 1000);
    const exp = now + expiresInSeconds;
    // An already-expired token (negative lifetime, for tests) was issued an hour before it expired.
    const iat = expiresInSeconds > 0 ? now : exp - 3600;
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.key.kid })
      .setIssuer(this.issuer)
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(exp)
      .setJti(randomUUID())
      .sign(this.key.privateKey);
    return { token, expiresIn: expiresInSeconds };
  }
}

/** Entra's `sub` is pairwise: the same person has a different `sub` for each app. */
function pairwiseSubject(objectId: string, appId: string): string {
  return createHash('sha256').update(`${objectId}|${appId}`).digest('base64url').slice(0, 43);
}
