import { ApiErrorDetail, DomainException } from '@helpdesk/service-runtime';

export enum RoutingRuleErrorCode {
  RuleNotFound = 'ROUTING_RULE_NOT_FOUND',
  InvalidRule = 'ROUTING_RULE_INVALID',
  UnknownGroup = 'ROUTING_RULE_UNKNOWN_GROUP',
  UnknownCategory = 'ROUTING_RULE_UNKNOWN_CATEGORY',
  StaleVersion = 'STALE_VERSION',
}

/** Errors of routing rules, each with a stable code; a bad field is a 400 naming it. */
export class RoutingRuleException extends DomainException<RoutingRuleErrorCode> {
  static notFound(): RoutingRuleException {
    return new RoutingRuleException(404, RoutingRuleErrorCode.RuleNotFound, 'No such routing rule');
  }

  static invalid(code: RoutingRuleErrorCode, field: string, reason: string): RoutingRuleException {
    return new RoutingRuleException(400, code, `Invalid request: ${field}`, [{ field, reason }]);
  }

  static staleVersion(current: number): RoutingRuleException {
    return new RoutingRuleException(
      409,
      RoutingRuleErrorCode.StaleVersion,
      `Someone changed this since you read it (current version ${current}); reload and try again`,
      [{ field: 'version', reason: `version is stale: the current version is ${current}` }],
    );
  }

  constructor(status: number, code: RoutingRuleErrorCode, message: string, details: ApiErrorDetail[] = []) {
    super(status, code, message, details);
  }
}
