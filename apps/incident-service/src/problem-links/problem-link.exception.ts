import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@helpdesk/service-runtime';

export enum ProblemLinkErrorCode {
  UnknownProblem = 'PROBLEM_LINK_UNKNOWN_PROBLEM',
  ProblemClosed = 'PROBLEM_LINK_PROBLEM_CLOSED',
}

/** Linking an incident to a problem: a status, a stable code and a message a person can act on. */
export class ProblemLinkException extends DomainException<ProblemLinkErrorCode> {
  static unknownProblem(ref: string): ProblemLinkException {
    const reason =
      `${ref} is not a problem this service knows: check the number (e.g. PRB0000007) or id; ` +
      'a problem created a moment ago may take a few seconds to appear here';
    return new ProblemLinkException(HttpStatus.BAD_REQUEST, ProblemLinkErrorCode.UnknownProblem, `problem ${reason}`, [
      { field: 'problem', reason },
    ]);
  }

  static problemClosed(number: string): ProblemLinkException {
    const reason = `${number} is closed: link the incident to an open problem`;
    return new ProblemLinkException(HttpStatus.CONFLICT, ProblemLinkErrorCode.ProblemClosed, `Problem ${reason}`, [
      { field: 'problem', reason },
    ]);
  }
}
