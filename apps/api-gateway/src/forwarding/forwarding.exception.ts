import { DomainException } from '@helpdesk/service-runtime';

export enum ForwardingErrorCode {
  UpstreamUnavailable = 'UPSTREAM_UNAVAILABLE',
  UpstreamTimeout = 'UPSTREAM_TIMEOUT',
  PathNotAllowed = 'PATH_NOT_ALLOWED',
}

/** A forwarded request that got no answer (502 unreachable, 504 too slow) or may not be forwarded (400). */
export class ForwardingException extends DomainException<ForwardingErrorCode> {
  static unavailable(upstream: string): ForwardingException {
    return new ForwardingException(
      502,
      ForwardingErrorCode.UpstreamUnavailable,
      `The ${upstream} service cannot be reached; try again shortly`,
    );
  }

  /** A path that could reach another upstream path than its rule allows (dot segments, encoded slashes). */
  static pathNotAllowed(reason: string): ForwardingException {
    return new ForwardingException(400, ForwardingErrorCode.PathNotAllowed, `Invalid request: path`, [{ field: 'path', reason }]);
  }

  static timeout(upstream: string, timeoutMs: number): ForwardingException {
    return new ForwardingException(
      504,
      ForwardingErrorCode.UpstreamTimeout,
      `The ${upstream} service did not answer within ${Math.round(timeoutMs / 1000)} s; try again shortly`,
    );
  }
}
