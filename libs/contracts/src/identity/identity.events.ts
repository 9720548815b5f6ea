import { defineEvent } from '../events/event-definition';
import { booleanField, checkPayload, optionalString, requiredString, stringArray } from '../events/payload-checks';
import { Role } from '../roles';
import { Topics } from '../topics';

/** The public view of a user that other services copy locally (names, department, roles). */
export interface UserSnapshot {
  id: string;
  email: string;
  displayName: string;
  displayNameJa: string | null;
  displayNameEn: string | null;
  department: string | null;
  managerId: string | null;
  locale: string;
  timeZone: string;
  roles: Role[];
  active: boolean;
}

export interface GroupSnapshot {
  id: string;
  name: string;
  nameJa: string | null;
  tier: number;
  supervisorId: string | null;
  memberIds: string[];
  active: boolean;
}

const userChecks = [
  requiredString('id'),
  requiredString('email', 320),
  requiredString('displayName', 200),
  optionalString('displayNameJa'),
  optionalString('displayNameEn'),
  optionalString('department'),
  optionalString('managerId'),
  requiredString('locale', 16),
  requiredString('timeZone', 64),
  stringArray('roles'),
  booleanField('active'),
];

const groupChecks = [
  requiredString('id'),
  requiredString('name', 200),
  optionalString('supervisorId'),
  stringArray('memberIds'),
  booleanField('active'),
];

const userEvent = (type: 'identity.user.created' | 'identity.user.updated' | 'identity.user.deactivated') =>
  defineEvent<UserSnapshot>()({
    type,
    topic: Topics.identityUser,
    version: 1,
    aggregateType: 'user',
    describePayloadProblems: (p) => checkPayload(p, userChecks),
  });

const groupEvent = (type: 'identity.group.created' | 'identity.group.updated' | 'identity.group.members-changed') =>
  defineEvent<GroupSnapshot>()({
    type,
    topic: Topics.identityGroup,
    version: 1,
    aggregateType: 'group',
    describePayloadProblems: (p) => checkPayload(p, groupChecks),
  });

export const UserCreated = userEvent('identity.user.created');
export const UserUpdated = userEvent('identity.user.updated');
export const UserDeactivated = userEvent('identity.user.deactivated');
export const GroupCreated = groupEvent('identity.group.created');
export const GroupUpdated = groupEvent('identity.group.updated');
export const GroupMembersChanged = groupEvent('identity.group.members-changed');

export const IdentityEvents = [UserCreated, UserUpdated, UserDeactivated, GroupCreated, GroupUpdated, GroupMembersChanged];
