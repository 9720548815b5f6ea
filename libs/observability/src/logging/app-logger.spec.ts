import { Writable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import { AppLogger, createPinoLogger } from './app-logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const logger = new AppLogger(createPinoLogger('test-service', 'info', stream));
  return {
    logger,
    records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => lines.join('\n'),
  };
}

/** What node-postgres throws for a NOT NULL violation, wrapped the way TypeORM wraps it. */
function notNullViolation(): QueryFailedError {
  const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';
  const driverError = Object.assign(new Error('null value in column "email" of relation "users" violates not-null constraint'), {
    code: '23502',
    table: 'users',
    column: 'email',
    detail: `Failing row contains (0192f0c4-7a0e-7cc1-9a51-1a2b3c4d5e6f, null, ${hash}).`,
  });
  return new QueryFailedError(
    'UPDATE "users" SET "email" = $1, "password_hash" = $2 WHERE "id" = $3',
    [null, hash, '0192f0c4-7a0e-7cc1-9a51-1a2b3c4d5e6f'],
    driverError,
  );
}

describe('AppLogger error redaction', () => {
  it('keeps what a query error is but never its SQL, bound values, driver error or failing row', () => {
    const { logger, records, text } = capture();
    logger.error(notNullViolation(), 'HttpErrorFilter');
    expect(text()).not.toContain('argon2id');
    expect(text()).not.toContain('UPDATE');
    const [record] = records();
    expect(record).toMatchObject({
      level: 'error',
      service: 'test-service',
      context: 'HttpErrorFilter',
      msg: 'null value in column "email" of relation "users" violates not-null constraint',
      err: {
        type: 'QueryFailedError',
        message: 'null value in column "email" of relation "users" violates not-null constraint',
        code: '23502',
        table: 'users',
        column: 'email',
        parameters: '[redacted]',
        query: '[redacted]',
        driverError: '[redacted]',
        detail: '[redacted]',
        stack: expect.any(String),
      },
    });
  });

  it('also for errors logged as fields (err or error) and for nested errors', () => {
    const { logger, text, records } = capture();
    logger.warn({ msg: 'retrying', err: notNullViolation() });
    logger.warn({ msg: 'gave up', error: notNullViolation() });
    const wrapper = Object.assign(new Error('outbox batch failed'), { failure: notNullViolation() });
    logger.error(wrapper);
    expect(text()).not.toContain('argon2id');
    expect(records().map((r) => ((r.err ?? r.error) as { code?: string; failure?: { code?: string } }).code)).toEqual([
      '23502',
      '23502',
      undefined,
    ]);
    expect((records()[2].err as { failure: Record<string, unknown> }).failure).toMatchObject({
      code: '23502',
      parameters: '[redacted]',
    });
  });

  it('still redacts passwords and refresh tokens in logged objects', () => {
    const { logger, text } = capture();
    logger.log({ msg: 'login', body: { password: 'hunter2-hunter2', refreshToken: 'r-123' } });
    expect(text()).not.toContain('hunter2');
    expect(text()).not.toContain('r-123');
  });
});
