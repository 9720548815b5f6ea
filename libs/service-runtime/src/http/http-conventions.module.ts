import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { HttpErrorFilter } from './http-error.filter';
import { createValidationPipe } from './validation-errors';

/** The global pipe and filter, as providers so that tests built from AppModule get them too. */
@Module({
  providers: [
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: HttpErrorFilter },
  ],
})
export class HttpConventionsModule {}
