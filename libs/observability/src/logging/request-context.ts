import { AsyncLocalStorage } from 'node:async_hooks';

/** What follows one unit of work (an HTTP request or a consumed event) through async calls. */
export interface RequestContextData {
  correlationId: string;
  /** The event (or request) that caused the current work, for events this work emits. */
  causationId?: string | null;
  userId?: string;
}

const storage = new AsyncLocalStorage<RequestContextData>();

export const RequestContext = {
  run<T>(data: RequestContextData, fn: () => T): T {
    return storage.run(data, fn);
  },
  current(): RequestContextData | undefined {
    return storage.getStore();
  },
  correlationId(): string | undefined {
    return storage.getStore()?.correlationId;
  },
};
