/** What an audit row records; one meaning each. */
export enum AuditAction {
  UserCreated = 'user.created',
  UserUpdated = 'user.updated',
  UserDeactivated = 'user.deactivated',
  UserReactivated = 'user.reactivated',
  GroupCreated = 'group.created',
  GroupUpdated = 'group.updated',
  GroupDeactivated = 'group.deactivated',
  GroupMembersChanged = 'group.members_changed',
  LoginSucceeded = 'auth.login_succeeded',
  LoginFailed = 'auth.login_failed',
  /** The failure that reached a limit (context.scope: account_address, account or address): further attempts in that scope get 429. */
  LoginLockedOut = 'auth.login_locked_out',
  RefreshTokenReused = 'auth.refresh_token_reused',
  LoggedOut = 'auth.logged_out',
}

/** account = an e-mail typed at sign-in (known or not); address = a client IP address. */
export const AUDIT_ENTITY_TYPES = ['user', 'group', 'account', 'address'] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];
