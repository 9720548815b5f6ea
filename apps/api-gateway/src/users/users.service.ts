import { runInTransaction } from '@helpdesk/database';
import { Injectable, Logger } from '@nestjs/common';
import { hasAnyRole, PasswordHasher, Principal } from '@helpdesk/auth';
import { STAFF_ROLES } from '@helpdesk/contracts';
import { decodeCursor, Page, toPage } from '@helpdesk/service-runtime';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Actor } from '../audit/actor';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { diffFields } from '../audit/field-changes';
import { RefreshTokensRepository } from '../auth/refresh-tokens.repository';
import { IdentityEventsPublisher } from '../identity-events/identity-events.publisher';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQueryDto } from './dto/list-users.query.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserDto } from './dto/user.dto';
import { UserEntity } from './entities/user.entity';
import { IdentityErrorCode, IdentityException } from './identity.exception';
import { defaultDisplayName, toUserDto, toUserSnapshot } from './user.mapper';
import { UsersRepository } from './users.repository';

export const DEFAULT_TIME_ZONE = 'Asia/Tokyo';
const DEFAULT_PAGE = 50;

/** Fields whose changes are audited (passwordHash is recorded as "changed", never its value). */
const AUDITED_FIELDS = [
  'email',
  'displayName',
  'displayNameJa',
  'displayNameEn',
  'department',
  'managerId',
  'phone',
  'locale',
  'timeZone',
  'roles',
  'active',
  'passwordHash',
] as const satisfies readonly (keyof UserEntity)[];

/** Who may see whom: staff see everyone; an employee only themself (others are "not found"). */
export function canSeeUser(viewer: Pick<Principal, 'id' | 'roles'>, userId: string): boolean {
  return viewer.id === userId || hasAnyRole(viewer, STAFF_ROLES);
}

/** User administration: every change is audited and published (identity.user.*) in its own transaction. */
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly audit: AuditService,
    private readonly events: IdentityEventsPublisher,
    private readonly hasher: PasswordHasher,
  ) {}

  async create(dto: CreateUserDto, actor: Actor): Promise<UserEntity> {
    const passwordHash = dto.password ? await this.hasher.hash(dto.password) : null; // slow: outside the transaction
    return this.inTransaction(async (manager) => {
      if (await this.users.findByEmail(dto.email, manager)) throw IdentityException.emailTaken();
      if (dto.managerId) await this.requireManager(dto.managerId, null, manager);
      const now = new Date();
      const user = Object.assign(new UserEntity(), {
        id: uuidv7(),
        email: dto.email,
        displayNameJa: dto.displayNameJa ?? null,
        displayNameEn: dto.displayNameEn ?? null,
        department: dto.department ?? null,
        managerId: dto.managerId ?? null,
        phone: dto.phone ?? null,
        locale: dto.locale ?? 'ja',
        timeZone: dto.timeZone ?? DEFAULT_TIME_ZONE,
        roles: dto.roles ?? ['employee'],
        active: dto.active ?? true,
        passwordHash,
        createdAt: now,
        updatedAt: now,
        version: 1,
      } satisfies Partial<UserEntity>);
      user.displayName = dto.displayName ?? defaultDisplayName(user);
      await this.users.insert(user, manager);
      await this.audit.record(manager, {
        action: AuditAction.UserCreated,
        actor,
        entityType: 'user',
        entityId: user.id,
        changes: diffFields<UserEntity>(null, user, AUDITED_FIELDS),
      });
      await this.events.user(manager, 'created', toUserSnapshot(user), actor);
      return user;
    });
  }

  /**
   * Applies the fields sent. `expectedVersion` (If-Match or body version) must be current, else 409.
   * Deactivation and password changes sign the user out everywhere (refresh tokens revoked).
   */
  async update(id: string, dto: UpdateUserDto, expectedVersion: number | undefined, actor: Actor): Promise<UserEntity> {
    const newHash = dto.password ? await this.hasher.hash(dto.password) : undefined;
    return this.inTransaction(async (manager) => {
      const user = await this.users.findById(id, manager, true);
      if (!user) throw IdentityException.userNotFound();
      if (expectedVersion !== undefined && expectedVersion !== user.version) throw IdentityException.staleVersion(user.version);
      const before: UserEntity = { ...user, roles: [...user.roles] };

      if (dto.email !== undefined && dto.email !== user.email) {
        const other = await this.users.findByEmail(dto.email, manager);
        if (other && other.id !== user.id) throw IdentityException.emailTaken();
        user.email = dto.email;
      }
      if (dto.displayNameJa !== undefined) user.displayNameJa = dto.displayNameJa;
      if (dto.displayNameEn !== undefined) user.displayNameEn = dto.displayNameEn;
      if (!user.displayNameJa && !user.displayNameEn) {
        throw IdentityException.badReference(
          IdentityErrorCode.NameRequired,
          'displayNameJa',
          'a user needs a name in Japanese or English',
        );
      }
      if (dto.locale !== undefined) user.locale = dto.locale;
      if (dto.displayName !== undefined) user.displayName = dto.displayName;
      else if (before.displayName === defaultDisplayName(before)) user.displayName = defaultDisplayName(user); // still derived: follow the names
      if (dto.department !== undefined) user.department = dto.department;
      if (dto.managerId !== undefined) {
        if (dto.managerId !== null) await this.requireManager(dto.managerId, user.id, manager);
        user.managerId = dto.managerId;
      }
      if (dto.phone !== undefined) user.phone = dto.phone;
      if (dto.timeZone !== undefined) user.timeZone = dto.timeZone;
      if (dto.roles !== undefined) user.roles = dto.roles;
      if (dto.active !== undefined) user.active = dto.active;
      if (newHash !== undefined) user.passwordHash = newHash;

      if (actor.id === user.id && before.active && !user.active) {
        throw new IdentityException(409, IdentityErrorCode.CannotDeactivateSelf, 'You cannot deactivate your own account');
      }
      if (actor.id === user.id && before.roles.includes('admin') && !user.roles.includes('admin')) {
        throw new IdentityException(
          409,
          IdentityErrorCode.CannotRemoveOwnAdmin,
          'You cannot remove your own admin role; ask another admin',
        );
      }

      const changes = diffFields<UserEntity>(before, user, AUDITED_FIELDS);
      if (changes.length === 0) return user; // nothing changed: no new version, no event
      user.version = before.version + 1;
      user.updatedAt = new Date();
      await this.users.save(user, manager);

      const deactivated = before.active && !user.active;
      const reactivated = !before.active && user.active;
      if (deactivated || newHash !== undefined) {
        const revoked = await this.refreshTokens.revokeAllOfUser(
          user.id,
          deactivated ? 'user_deactivated' : 'password_changed',
          manager,
        );
        if (revoked > 0) this.logger.log(`Revoked ${revoked} refresh token(s) of user ${user.id}`);
      }
      await this.audit.record(manager, {
        action: deactivated ? AuditAction.UserDeactivated : reactivated ? AuditAction.UserReactivated : AuditAction.UserUpdated,
        actor,
        entityType: 'user',
        entityId: user.id,
        changes,
      });
      await this.events.user(manager, deactivated ? 'deactivated' : 'updated', toUserSnapshot(user), actor);
      return user;
    });
  }

  /** A user the viewer may see, else 404 (an employee sees only themself). */
  async get(id: string, viewer: Pick<Principal, 'id' | 'roles'>): Promise<UserEntity> {
    if (!canSeeUser(viewer, id)) throw IdentityException.userNotFound();
    const user = await this.users.findById(id);
    if (!user) throw IdentityException.userNotFound();
    return user;
  }

  findById(id: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.users.findById(id, manager);
  }

  findByEmail(email: string, manager?: EntityManager): Promise<UserEntity | null> {
    return this.users.findByEmail(email, manager);
  }

  async list(query: ListUsersQueryDto): Promise<Page<UserDto>> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const cursor = decodeCursor(query.cursor, { n: 'string', id: 'uuid' });
    const rows = await this.users.find({
      role: query.role,
      department: query.department,
      active: query.active,
      groupId: query.groupId,
      q: query.q,
      after: cursor ? { displayName: String(cursor.n), id: String(cursor.id) } : undefined,
      limit,
    });
    return toPage(rows, limit, (u) => ({ n: u.displayName, id: u.id }), toUserDto);
  }

  private async requireManager(managerId: string, selfId: string | null, manager: EntityManager): Promise<void> {
    if (managerId === selfId) {
      throw IdentityException.badReference(
        IdentityErrorCode.ManagerNotFound,
        'managerId',
        'managerId cannot be the user themself',
      );
    }
    const found = await this.users.existingIds([managerId], manager);
    if (!found.has(managerId))
      throw IdentityException.badReference(
        IdentityErrorCode.ManagerNotFound,
        'managerId',
        'managerId must be the id of an existing user',
      );
  }

  /** A unique-index race on e-mail becomes 409 rather than 500. */
  private inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return runInTransaction(this.dataSource, work, { users_email: () => IdentityException.emailTaken() });
  }
}
