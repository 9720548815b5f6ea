import { ConflictException, NotFoundException } from '@nestjs/common';
import { DomainException } from './domain.exception';
import { HttpErrorFilter } from './http-error.filter';
import { RequestValidationException } from './validation-errors';

describe('HttpErrorFilter.toBody', () => {
  const filter = new HttpErrorFilter();

  it('keeps field details of validation errors', () => {
    const body = filter.toBody(new RequestValidationException([{ field: 'email', reason: 'email must be an email' }]));
    expect(body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      details: [{ field: 'email', reason: 'email must be an email' }],
    });
  });

  it('passes domain codes through', () => {
    const body = filter.toBody(new DomainException(409, 'INVALID_TRANSITION', 'Cannot resolve a closed incident'));
    expect(body).toMatchObject({
      statusCode: 409,
      error: 'Conflict',
      code: 'INVALID_TRANSITION',
      message: 'Cannot resolve a closed incident',
    });
  });

  it('maps Nest exceptions and body-parser errors to 4xx', () => {
    expect(filter.toBody(new NotFoundException('No such user')).statusCode).toBe(404);
    expect(filter.toBody(new ConflictException()).statusCode).toBe(409);
    const parse = filter.toBody(Object.assign(new SyntaxError('Unexpected token'), { status: 400, type: 'entity.parse.failed' }));
    expect(parse).toMatchObject({
      statusCode: 400,
      message: 'The request body is not valid JSON',
      details: [{ field: 'body', reason: 'is not valid JSON' }],
    });
    const large = filter.toBody(Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large' }));
    expect(large).toMatchObject({ statusCode: 413, details: [{ field: 'body', reason: 'is too large' }] });
  });

  it('hides internals of unknown errors', () => {
    const body = filter.toBody(new Error('password=secret in connection string'));
    expect(body.statusCode).toBe(500);
    expect(body.message).not.toContain('secret');
  });
});
