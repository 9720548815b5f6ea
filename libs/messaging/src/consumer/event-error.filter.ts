import { applyDecorators, ArgumentsHost, Catch, Controller, RpcExceptionFilter, UseFilters } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';

/**
 * Lets a handler's error reach KafkaEventServer unchanged. Nest's default RPC filter would turn
 * any non-RpcException into { status: 'error', message: 'Internal server error' }, and the
 * dead-letter headers would lose the real cause (and PayloadValidationError would be retried).
 */
@Catch()
export class EventErrorFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}

/**
 * Marks a class of @EventPattern handlers: a controller whose handler errors keep their cause.
 * Plain @Controller() classes work too, with a generic error text in the dead-letter headers.
 */
export function EventConsumer(): ClassDecorator {
  return applyDecorators(Controller(), UseFilters(new EventErrorFilter()));
}
