import { defineEvent } from '../events/event-definition';
import { checkPayload, FieldCheck } from '../events/payload-checks';
import { Topics } from '../topics';

export const CI_TYPES = [
  'laptop',
  'desktop',
  'monitor',
  'phone',
  'tablet',
  'server',
  'network_device',
  'printer',
  'software_product',
  'software_installation',
  'licence',
  'saas_account',
  'business_service',
] as const;
export type CiType = (typeof CI_TYPES)[number];

/** The CI types that are physical devices (asset tag, serial, warranty; can be cabled to each other). */
export const HARDWARE_CI_TYPES = [
  'laptop',
  'desktop',
  'monitor',
  'phone',
  'tablet',
  'server',
  'network_device',
  'printer',
] as const satisfies readonly CiType[];

export const CI_STATES = ['ordered', 'in_stock', 'deployed', 'in_repair', 'retired', 'disposed'] as const;
export type CiState = (typeof CI_STATES)[number];

export const RELATIONSHIP_TYPES = ['runs_on', 'depends_on', 'connected_to', 'installed_on', 'used_by'] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** A configuration item as asset.* events carry it (consumers keep their views from any one event). */
export interface AssetSnapshot {
  id: string;
  /** CI-00042 */
  number: string;
  type: CiType;
  name: string;
  state: CiState;
  assetTag: string | null;
  serialNumber: string | null;
  model: string | null;
  manufacturer: string | null;
  location: string | null;
  assignedToId: string | null;
  assignedToName: string | null;
  department: string | null;
  /** For installations and SaaS accounts: the licence whose seat they use. */
  licenceId: string | null;
  warrantyEnd: string | null;
  version: number;
  updatedAt: string;
}

export interface AssetEventPayload<TDetail = Record<string, unknown>> {
  ci: AssetSnapshot;
  detail: TDetail;
}

const snapshotChecks: FieldCheck[] = [
  (c) => (typeof c.id === 'string' && c.id ? null : 'ci.id must be a string'),
  (c) => (typeof c.number === 'string' && c.number ? null : 'ci.number must be a string'),
  (c) => (typeof c.type === 'string' ? null : 'ci.type must be a string'),
  (c) => (typeof c.state === 'string' ? null : 'ci.state must be a string'),
];

const assetEvent =
  <TDetail>() =>
  <TType extends `asset.${string}`>(type: TType, checks: FieldCheck[] = []) =>
    defineEvent<AssetEventPayload<TDetail>>()({
      type,
      topic: Topics.asset,
      version: 1,
      aggregateType: 'ci',
      describePayloadProblems: (payload) => {
        const problems = checkPayload(payload, [
          (p) => (typeof p.ci === 'object' && p.ci !== null ? null : 'ci must be an object'),
          (p) => (typeof p.detail === 'object' && p.detail !== null ? null : 'detail must be an object'),
        ]);
        if (problems.length) return problems;
        const ci = checkPayload((payload as { ci: unknown }).ci, snapshotChecks);
        return ci.length ? ci : checkPayload((payload as { detail: unknown }).detail, checks);
      },
    });

export interface AssetRelationshipDetail {
  relationshipId: string;
  type: RelationshipType;
  /** The CI the relationship goes from (the event's CI) and to. */
  sourceId: string;
  targetId: string;
}

const relationshipChecks: FieldCheck[] = [
  (d) => (typeof d.relationshipId === 'string' ? null : 'detail.relationshipId must be a string'),
  (d) => (typeof d.targetId === 'string' ? null : 'detail.targetId must be a string'),
];

export const AssetCreated = assetEvent<{ origin: 'api' | 'import'; importJobId: string | null }>()('asset.created');
/** Fields changed (names in `fields`). */
export const AssetUpdated = assetEvent<{ fields: string[] }>()('asset.updated', [
  (d) => (Array.isArray(d.fields) ? null : 'detail.fields must be an array'),
]);
export const AssetAssigned = assetEvent<{ previousAssigneeId: string | null }>()('asset.assigned');
export const AssetUnassigned = assetEvent<{ previousAssigneeId: string | null }>()('asset.unassigned');
export const AssetStateChanged = assetEvent<{ from: CiState; to: CiState }>()('asset.state-changed', [
  (d) => (typeof d.from === 'string' && typeof d.to === 'string' ? null : 'detail.from and detail.to must be strings'),
]);
export const AssetRelationshipAdded = assetEvent<AssetRelationshipDetail>()('asset.relationship-added', relationshipChecks);
export const AssetRelationshipRemoved = assetEvent<AssetRelationshipDetail>()('asset.relationship-removed', relationshipChecks);

export const AssetEvents = [
  AssetCreated,
  AssetUpdated,
  AssetAssigned,
  AssetUnassigned,
  AssetStateChanged,
  AssetRelationshipAdded,
  AssetRelationshipRemoved,
];
