import { PayloadValidationError } from '../events/event-definition';
import { EventEnvelope } from '../events/event-envelope';
import { UserCreated, UserUpdated } from './identity.events';

const envelope = (payload: unknown): EventEnvelope => ({ type: 'identity.user.created', payload }) as unknown as EventEnvelope;

describe('identity events', () => {
  const user = {
    id: 'u1',
    email: 'taro@example.com',
    displayName: '山田 太郎',
    displayNameJa: '山田 太郎',
    displayNameEn: 'Taro Yamada',
    department: '経理部',
    managerId: null,
    locale: 'ja',
    timeZone: 'Asia/Tokyo',
    roles: ['employee'],
    active: true,
  };

  it('matches its own type with a valid payload', () => {
    expect(UserCreated.match(envelope(user))?.payload.displayName).toBe('山田 太郎');
    expect(UserUpdated.match(envelope(user))).toBeNull();
  });

  it('refuses a bad payload with the fields named', () => {
    expect(() => UserCreated.match(envelope({ ...user, email: '', roles: 'admin' }))).toThrow(PayloadValidationError);
    expect(UserCreated.describePayloadProblems({ ...user, email: '', roles: 'admin' })).toEqual([
      'email must be a non-empty string of at most 320 characters',
      'roles must be an array of strings',
    ]);
  });
});
