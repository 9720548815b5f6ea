import { UserSnapshot } from '@helpdesk/contracts';
import { UserDto } from './dto/user.dto';
import { UserEntity } from './entities/user.entity';

/** The public view of a user: never the password hash. */
export function toUserDto(user: UserEntity): UserDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    displayNameJa: user.displayNameJa,
    displayNameEn: user.displayNameEn,
    department: user.department,
    managerId: user.managerId,
    phone: user.phone,
    locale: user.locale,
    timeZone: user.timeZone,
    roles: [...user.roles],
    active: user.active,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    version: user.version,
  };
}

/** The event payload other services copy. */
export function toUserSnapshot(user: UserEntity): UserSnapshot {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    displayNameJa: user.displayNameJa,
    displayNameEn: user.displayNameEn,
    department: user.department,
    managerId: user.managerId,
    locale: user.locale,
    timeZone: user.timeZone,
    roles: [...user.roles],
    active: user.active,
  };
}

/** The name shown by default: in the user's language when there is one, else the other. */
export function defaultDisplayName(user: Pick<UserEntity, 'locale' | 'displayNameJa' | 'displayNameEn'>): string {
  const preferred = user.locale === 'en' ? user.displayNameEn : user.displayNameJa;
  return (preferred ?? user.displayNameJa ?? user.displayNameEn ?? '').trim();
}
