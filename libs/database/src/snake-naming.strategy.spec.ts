import { databaseUrlFor } from './database-url';
import { snakeCase } from './snake-naming.strategy';

describe('snakeCase', () => {
  it.each([
    ['displayNameJa', 'display_name_ja'],
    ['OutboxEvent', 'outbox_event'],
    ['HTTPRequestLog', 'http_request_log'],
    ['id', 'id'],
  ])('%s → %s', (input, expected) => expect(snakeCase(input)).toBe(expected));
});

describe('databaseUrlFor', () => {
  it('swaps the database and keeps credentials and options', () => {
    expect(databaseUrlFor('postgres://u:p@db:5432/postgres?sslmode=require', 'helpdesk_gateway')).toBe(
      'postgres://u:p@db:5432/helpdesk_gateway?sslmode=require',
    );
  });
});
