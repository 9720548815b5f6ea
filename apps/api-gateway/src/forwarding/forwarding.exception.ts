import { DomainException } from '@helpdesk/service-runtime';

export enum ForwardingErrorCode {
  UpstreamUnavailable = 'UPSTREAM_UNAVAILABLE',
  UpstreamTimeout = 'UPSTREAM_TIMEOUT',
}

/** A forwarded request that got no answer: 502 (unreachable) or 504 (too slow). */
export class ForwardingException extends DomainException<ForwardingErrorCode> {
  static unavailable(upstream: string): ForwardingException {
    return new ForwardingException(
      502,
      ForwardingErrorCode.UpstreamUnavailable,
      `The ${upstream} service cannot be reached; try again shortly`,
    );
  }

  static timeout(upstream: string, timeoutMs: number): ForwardingException {
    return new ForwardingException(
      504,
      ForwardingErrorCode.UpstreamTimeout,
      `The ${upstream} service did not answer within ${Math.round(timeoutMs / 1000)} s; try again shortly`,
    );
  }
}
