import { CiType, HARDWARE_CI_TYPES, RelationshipType } from '@helpdesk/contracts';

/** What a piece of software can be installed on. */
export const DEVICE_TYPES: readonly CiType[] = ['laptop', 'desktop', 'server', 'phone', 'tablet'];

/** Physical things that can be cabled or paired to each other. */
export const HARDWARE_TYPES: readonly CiType[] = HARDWARE_CI_TYPES;

interface EndpointRule {
  /** null: any type. */
  sources: readonly CiType[] | null;
  targets: readonly CiType[] | null;
}

/**
 * Which CI types each relationship type may join, source → target. depends_on and used_by join anything:
 * a service depends on a switch, a licence is used by an app.
 */
export const RELATIONSHIP_RULES: Record<RelationshipType, EndpointRule> = {
  installed_on: { sources: ['software_installation'], targets: DEVICE_TYPES },
  runs_on: { sources: ['server', 'software_product', 'software_installation', 'business_service'], targets: ['server'] },
  connected_to: { sources: HARDWARE_TYPES, targets: HARDWARE_TYPES },
  depends_on: { sources: null, targets: null },
  used_by: { sources: null, targets: null },
};

/** Why `source <type> target` may not be recorded, or null when it may. */
export function relationshipRuleViolation(type: RelationshipType, sourceType: CiType, targetType: CiType): string | null {
  const rule = RELATIONSHIP_RULES[type];
  const sourceOk = !rule.sources || rule.sources.includes(sourceType);
  const targetOk = !rule.targets || rule.targets.includes(targetType);
  if (sourceOk && targetOk) return null;
  const allowed = `${type} goes from ${listOf(rule.sources)} to ${listOf(rule.targets)}`;
  return `${allowed}, not from ${sourceType} to ${targetType}`;
}

function listOf(types: readonly CiType[] | null): string {
  if (!types) return 'any configuration item';
  return types.length === 1 ? `a ${types[0]}` : `${types.slice(0, -1).join(', ')} or ${types[types.length - 1]}`;
}
