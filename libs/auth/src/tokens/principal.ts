import { isRole, Role } from '@helpdesk/contracts';

/** Who is calling: the verified claims of an access token. */
export interface Principal {
  /** The user's id (`sub`). */
  id: string;
  email: string;
  name: string;
  roles: Role[];
  /** Ids of the (active) groups the user belongs to. */
  groups: string[];
  locale: string;
  /** IANA time zone (`tz`), e.g. Asia/Tokyo. */
  timeZone: string;
}

/** The private claims of our access tokens (beside iss, aud, exp, iat, jti). */
export interface AccessTokenClaims {
  sub: string;
  email: string;
  name: string;
  roles: Role[];
  groups: string[];
  locale: string;
  tz: string;
}

export function principalToClaims(p: Principal): AccessTokenClaims {
  return {
    sub: p.id,
    email: p.email,
    name: p.name,
    roles: [...p.roles],
    groups: [...p.groups],
    locale: p.locale,
    tz: p.timeZone,
  };
}

/** Turns verified claims into a principal, or null when they do not have our shape. */
export function claimsToPrincipal(claims: Record<string, unknown>): Principal | null {
  const { sub, email, name, roles, groups, locale, tz } = claims;
  const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
  if (!isString(sub) || !isString(email) || typeof name !== 'string' || !isString(locale) || !isString(tz)) return null;
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole)) return null;
  if (!Array.isArray(groups) || !groups.every(isString)) return null;
  return { id: sub, email, name, roles: roles as Role[], groups: groups as string[], locale, timeZone: tz };
}

export function hasAnyRole(principal: Pick<Principal, 'roles'>, roles: readonly Role[]): boolean {
  return principal.roles.some((r) => roles.includes(r));
}
