import { CompiledKeyword, compileKeyword, containsAnyKeyword, normalizeText } from './keyword-matcher';

/** A routing rule as evaluation needs it (conditions are any-of lists; an empty list is no condition). */
export interface RoutingRuleDefinition {
  id: string;
  name: string;
  order: number;
  categories: readonly string[];
  channels: readonly string[];
  callerDepartments: readonly string[];
  keywords: readonly string[];
  assignmentGroupId: string | null;
  assignmentGroupName: string | null;
}

/** What routing looks at on a new incident. */
export interface RoutingInput {
  category: string | null;
  subcategory: string | null;
  shortDescription: string;
  description: string;
  channel: string;
  callerDepartment: string | null;
}

/** A rule with its conditions pre-normalised, so evaluation does no per-rule allocation. */
export interface CompiledRoutingRule {
  readonly definition: RoutingRuleDefinition;
  readonly categories: readonly string[];
  readonly channels: readonly string[];
  readonly departments: readonly string[];
  readonly keywords: readonly CompiledKeyword[];
  /** False for a rule without any usable condition: it never matches. */
  readonly matchable: boolean;
}

/**
 * The incident's category as one code: `network.vpn` from category `network` + subcategory `vpn`
 * (or a subcategory already given as `network.vpn`), `network` alone, or null.
 */
export function categoryCodeOf(category: string | null, subcategory: string | null): string | null {
  const main = category?.trim().toLowerCase() || null;
  const sub = subcategory?.trim().toLowerCase() || null;
  if (sub) {
    if (sub.includes('.')) return sub;
    if (main) return main.includes('.') ? main : `${main}.${sub}`;
  }
  return main;
}

/** A rule's category code covers itself and its subcategories (`network` covers `network.vpn`). */
export function categoryCovers(ruleCode: string, code: string): boolean {
  return (
    code === ruleCode || (code.length > ruleCode.length && code.charCodeAt(ruleCode.length) === 46 && code.startsWith(ruleCode))
  );
}

/** The incident input, prepared once per evaluation; the text is normalised only if a keyword rule asks. */
export class PreparedRoutingInput {
  readonly categoryCode: string | null;
  readonly channel: string;
  readonly department: string | null;
  private normalized: string | null = null;

  constructor(private readonly input: RoutingInput) {
    this.categoryCode = categoryCodeOf(input.category, input.subcategory);
    this.channel = input.channel.trim().toLowerCase();
    this.department = input.callerDepartment ? normalizeText(input.callerDepartment) : null;
  }

  get text(): string {
    if (this.normalized === null) this.normalized = normalizeText(`${this.input.shortDescription}\n${this.input.description}`);
    return this.normalized;
  }
}

/**
 * The active rules in evaluation order (order ascending, then id), compiled once. Pure: which group a
 * rule's target resolves to is the caller's business (it needs the directory).
 */
export class RoutingRuleSet {
  private constructor(private readonly rules: readonly CompiledRoutingRule[]) {}

  static compile(definitions: readonly RoutingRuleDefinition[]): RoutingRuleSet {
    const sorted = [...definitions].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return new RoutingRuleSet(sorted.map(compileRule));
  }

  get size(): number {
    return this.rules.length;
  }

  rule(index: number): RoutingRuleDefinition {
    return this.rules[index].definition;
  }

  prepare(input: RoutingInput): PreparedRoutingInput {
    return new PreparedRoutingInput(input);
  }

  /** Index of the first rule at or after `from` whose every condition holds, or -1. */
  firstMatch(input: PreparedRoutingInput, from = 0): number {
    for (let i = from; i < this.rules.length; i++) {
      if (ruleMatches(this.rules[i], input)) return i;
    }
    return -1;
  }
}

function compileRule(definition: RoutingRuleDefinition): CompiledRoutingRule {
  const categories = definition.categories.map((c) => c.trim().toLowerCase()).filter((c) => c.length > 0);
  const channels = definition.channels.map((c) => c.trim().toLowerCase()).filter((c) => c.length > 0);
  const departments = definition.callerDepartments.map(normalizeText).filter((d) => d.length > 0);
  const keywords = definition.keywords.map(compileKeyword).filter((k): k is CompiledKeyword => k !== null);
  // A condition list that was given but normalised to nothing must not widen the rule into a
  // catch-all; neither may a rule without conditions (validation refuses both, old rows included).
  const emptied = (given: readonly unknown[], kept: readonly unknown[]) => given.length > 0 && kept.length === 0;
  const lost =
    emptied(definition.categories, categories) ||
    emptied(definition.channels, channels) ||
    emptied(definition.callerDepartments, departments) ||
    emptied(definition.keywords, keywords);
  const matchable = !lost && categories.length + channels.length + departments.length + keywords.length > 0;
  return { definition, categories, channels, departments, keywords, matchable };
}

// Cheap conditions first; the text is normalised only when a rule gets as far as its keywords.
function ruleMatches(rule: CompiledRoutingRule, input: PreparedRoutingInput): boolean {
  if (!rule.matchable) return false;
  if (rule.categories.length > 0) {
    const code = input.categoryCode;
    if (code === null || !someCovers(rule.categories, code)) return false;
  }
  if (rule.channels.length > 0 && !rule.channels.includes(input.channel)) return false;
  if (rule.departments.length > 0 && (input.department === null || !rule.departments.includes(input.department))) return false;
  return rule.keywords.length === 0 || containsAnyKeyword(input.text, rule.keywords);
}

function someCovers(ruleCodes: readonly string[], code: string): boolean {
  for (let i = 0; i < ruleCodes.length; i++) {
    if (categoryCovers(ruleCodes[i], code)) return true;
  }
  return false;
}
