import { Injectable, Logger } from '@nestjs/common';
import { PasswordHasher, Principal, TokenIssuer } from '@helpdesk/auth';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { actorFromPrincipal } from '../audit/actor';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { GatewayConfig } from '../config/gateway.config';
import { GroupsService } from '../groups/groups.service';
import { UserEntity } from '../users/entities/user.entity';
import { toUserDto } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';
import { AuthSessionException } from './auth-session.exception';
import { TokenPairDto } from './dto/token-pair.dto';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { accountKeyOf, LoginThrottleService } from './login-throttle.service';
import { hashRefreshToken, newRefreshToken } from './refresh-token.codec';
import { RefreshTokensRepository } from './refresh-tokens.repository';

export interface ClientInfo {
  address: string;
  userAgent?: string;
}

type RefreshOutcome =
  { kind: 'rotated'; user: UserEntity; refreshToken: string; refreshExpiresAt: Date } | { kind: 'invalid' } | { kind: 'reused' };

/** Password sign-in with throttling, refresh token rotation with reuse detection, and sign-out. */
@Injectable()
export class AuthSessionsService {
  private readonly logger = new Logger(AuthSessionsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly groups: GroupsService,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
    private readonly issuer: TokenIssuer,
    private readonly config: GatewayConfig,
  ) {}

  async login(email: string, password: string, client: ClientInfo): Promise<TokenPairDto> {
    const accountKey = accountKeyOf(email);
    // Counted before the password is checked, so parallel guesses cannot all slip under a limit.
    const attempt = await this.throttle.reserve(accountKey, client.address);
    if (attempt.blocked) {
      this.logger.warn(
        `Sign-in refused for ${attempt.scopes.join(', ')} (too many failures); retry in ${attempt.retryAfterSeconds} s`,
      );
      throw AuthSessionException.throttled(attempt.retryAfterSeconds);
    }

    const user = await this.users.findByEmail(email);
    // Unknown users get a dummy verification, so the answer takes as long as for a wrong password.
    const passwordOk = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !passwordOk || !user.active) {
      // The reserved attempt stays counted as this failure.
      const reason = !user ? 'unknown_account' : !passwordOk ? 'wrong_password' : 'inactive_user';
      await this.dataSource.transaction(async (manager) => {
        const context = { email: accountKey, clientAddress: client.address, reason };
        await this.audit.record(manager, {
          action: AuditAction.LoginFailed,
          actor: null,
          entityType: user ? 'user' : 'account',
          entityId: user?.id ?? accountKey,
          context,
        });
        for (const scope of attempt.reachedIfFailed) {
          await this.audit.record(manager, {
            action: AuditAction.LoginLockedOut,
            actor: null,
            entityType: scope === 'address' ? 'address' : 'account',
            entityId: scope === 'address' ? client.address : accountKey,
            context: { ...context, scope, windowSeconds: Math.ceil(this.config.loginFailureWindowMs / 1000) },
          });
        }
      });
      throw AuthSessionException.invalidCredentials();
    }

    const rehash = this.hasher.needsRehash(user.passwordHash!) ? await this.hasher.hash(password) : null;
    const session = await this.dataSource.transaction(async (manager) => {
      await this.throttle.succeeded(accountKey, client.address, attempt.attemptId, manager);
      if (rehash) await manager.getRepository(UserEntity).update({ id: user.id }, { passwordHash: rehash });
      const refresh = await this.createRefreshToken(user.id, uuidv7(), client, manager);
      await this.audit.record(manager, {
        action: AuditAction.LoginSucceeded,
        actor: actorFromPrincipal(user),
        entityType: 'user',
        entityId: user.id,
        context: { clientAddress: client.address, method: 'password' },
      });
      return refresh;
    });
    return this.tokenPair(user, session.token, session.expiresAt);
  }

  async refresh(refreshToken: string, client: ClientInfo): Promise<TokenPairDto> {
    const outcome = await this.dataSource.transaction(async (manager): Promise<RefreshOutcome> => {
      const row = await this.refreshTokens.findByHashForUpdate(hashRefreshToken(refreshToken), manager);
      if (!row) return { kind: 'invalid' };
      if (row.usedAt) {
        // A rotated token came back: someone holds a copy. Sign the whole family out.
        const revoked = await this.refreshTokens.revokeFamily(row.familyId, 'reuse_detected', manager);
        await this.audit.record(manager, {
          action: AuditAction.RefreshTokenReused,
          actor: null,
          entityType: 'user',
          entityId: row.userId,
          context: { familyId: row.familyId, revokedTokens: revoked, clientAddress: client.address },
        });
        return { kind: 'reused' };
      }
      if (row.revokedAt || row.expiresAt.getTime() <= Date.now()) return { kind: 'invalid' };
      const user = await this.users.findById(row.userId, manager);
      if (!user || !user.active) {
        await this.refreshTokens.revokeFamily(row.familyId, 'user_inactive', manager);
        return { kind: 'invalid' };
      }
      const next = await this.createRefreshToken(user.id, row.familyId, client, manager);
      await this.refreshTokens.markUsed(row.id, next.id, new Date(), manager);
      return { kind: 'rotated', user, refreshToken: next.token, refreshExpiresAt: next.expiresAt };
    });
    if (outcome.kind === 'reused') {
      this.logger.warn('A used refresh token was presented again; its token family was revoked');
      throw AuthSessionException.refreshTokenReused();
    }
    if (outcome.kind === 'invalid') throw AuthSessionException.refreshTokenInvalid();
    return this.tokenPair(outcome.user, outcome.refreshToken, outcome.refreshExpiresAt);
  }

  /** Revokes the token's family (this device's session); unknown tokens are ignored (idempotent). */
  async logout(refreshToken: string, client: ClientInfo): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.refreshTokens.findByHashForUpdate(hashRefreshToken(refreshToken), manager);
      if (!row) return;
      const revoked = await this.refreshTokens.revokeFamily(row.familyId, 'logout', manager);
      if (revoked === 0) return;
      const user = await this.users.findById(row.userId, manager);
      await this.audit.record(manager, {
        action: AuditAction.LoggedOut,
        actor: user ? actorFromPrincipal(user) : null,
        entityType: 'user',
        entityId: row.userId,
        context: { clientAddress: client.address },
      });
    });
  }

  /** The access token claims of a user: names, roles, active groups, locale and zone. */
  async principalOf(user: UserEntity): Promise<Principal> {
    const groups = await this.groups.activeGroupsOfUser(user.id);
    return {
      id: user.id,
      email: user.email,
      name: user.displayName,
      roles: [...user.roles],
      groups: groups.map((g) => g.id),
      locale: user.locale,
      timeZone: user.timeZone,
    };
  }

  private async tokenPair(user: UserEntity, refreshToken: string, refreshExpiresAt: Date): Promise<TokenPairDto> {
    const access = await this.issuer.issue(await this.principalOf(user));
    return {
      tokenType: 'Bearer',
      accessToken: access.accessToken,
      expiresIn: access.expiresIn,
      refreshToken,
      refreshExpiresAt: refreshExpiresAt.toISOString(),
      user: toUserDto(user),
    };
  }

  private async createRefreshToken(userId: string, familyId: string, client: ClientInfo, manager: EntityManager) {
    const token = newRefreshToken();
    const now = new Date();
    const row = Object.assign(new RefreshTokenEntity(), {
      id: uuidv7(),
      familyId,
      userId,
      tokenHash: hashRefreshToken(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.config.refreshTokenTtlMs),
      usedAt: null,
      replacedById: null,
      revokedAt: null,
      revokedReason: null,
      clientAddress: client.address,
      userAgent: client.userAgent?.slice(0, 500) ?? null,
    } satisfies RefreshTokenEntity);
    await this.refreshTokens.insert(row, manager);
    return { id: row.id, token, expiresAt: row.expiresAt };
  }
}
