import { ApiErrorDetail, DomainException } from '@helpdesk/service-runtime';

export enum IdentityErrorCode {
  UserNotFound = 'USER_NOT_FOUND',
  EmailTaken = 'EMAIL_TAKEN',
  ManagerNotFound = 'MANAGER_NOT_FOUND',
  NameRequired = 'NAME_REQUIRED',
  StaleVersion = 'STALE_VERSION',
  GroupNotFound = 'GROUP_NOT_FOUND',
  GroupNameTaken = 'GROUP_NAME_TAKEN',
  SupervisorNotFound = 'SUPERVISOR_NOT_FOUND',
  MemberNotFound = 'MEMBER_NOT_FOUND',
  CannotDeactivateSelf = 'CANNOT_DEACTIVATE_SELF',
  CannotRemoveOwnAdmin = 'CANNOT_REMOVE_OWN_ADMIN',
}

/** Errors of the identity context (users and groups), each with a stable code. */
export class IdentityException extends DomainException<IdentityErrorCode> {
  static userNotFound(): IdentityException {
    return new IdentityException(404, IdentityErrorCode.UserNotFound, 'No such user');
  }

  static groupNotFound(): IdentityException {
    return new IdentityException(404, IdentityErrorCode.GroupNotFound, 'No such group');
  }

  static emailTaken(): IdentityException {
    return new IdentityException(409, IdentityErrorCode.EmailTaken, 'Another user already has this e-mail address', [
      { field: 'email', reason: 'email is already in use' },
    ]);
  }

  static groupNameTaken(): IdentityException {
    return new IdentityException(409, IdentityErrorCode.GroupNameTaken, 'Another group already has this name', [
      { field: 'name', reason: 'name is already in use' },
    ]);
  }

  static staleVersion(current: number): IdentityException {
    return new IdentityException(
      409,
      IdentityErrorCode.StaleVersion,
      `Someone changed this since you read it (current version ${current}); reload and try again`,
      [{ field: 'version', reason: `version is stale: the current version is ${current}` }],
    );
  }

  static badReference(code: IdentityErrorCode, field: string, reason: string): IdentityException {
    return new IdentityException(400, code, `Invalid request: ${field}`, [{ field, reason }]);
  }

  constructor(status: number, code: IdentityErrorCode, message: string, details: ApiErrorDetail[] = []) {
    super(status, code, message, details);
  }
}
