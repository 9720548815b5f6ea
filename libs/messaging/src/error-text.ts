/**
 * A one-line description of an error for logs, dead-letter headers and outbox_message.last_error:
 * `Name: message` for Errors. Nest's default RPC exception filter replaces unknown handler errors
 * with { status: 'error', message: 'Internal server error' }; that shape is recognised and the
 * reader is told how to keep the original (see EventConsumer).
 */
export function describeError(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  if (typeof err === 'object' && err !== null) {
    const { status, message } = err as { status?: unknown; message?: unknown };
    if (status === 'error' && message === 'Internal server error') {
      return 'Internal server error (the original error was logged by RpcExceptionsHandler; decorate the consumer with @EventConsumer() to keep it)';
    }
    if (typeof message === 'string') return message;
    try {
      return JSON.stringify(err);
    } catch {
      return String(err);
    }
  }
  return String(err);
}
