import { randomUUID } from 'node:crypto';
import { IncidentSnapshot } from '@helpdesk/contracts';

/**
 * An incident as the incident service's events carry it, for suites of services that consume incident.*
 * (a new portal incident in Japanese unless overridden).
 */
export function testIncidentSnapshot(overrides: Partial<IncidentSnapshot> = {}): IncidentSnapshot {
  const at = new Date().toISOString();
  return {
    id: randomUUID(),
    number: `INC${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}`,
    version: 1,
    state: 'new',
    holdReason: null,
    callerId: randomUUID(),
    callerName: '山田 花子 🌸',
    callerDepartment: '営業部',
    openedById: randomUUID(),
    channel: 'portal',
    category: 'network',
    subcategory: 'network.vpn',
    shortDescription: 'VPN に接続できない 😢',
    description: '自宅から VPN に接続すると「認証に失敗しました」と表示される。',
    impact: 3,
    urgency: 2,
    priority: 3,
    ciId: 'CI-00042',
    assignmentGroupId: null,
    assignmentGroupName: null,
    assignmentGroupTier: null,
    assigneeId: null,
    assigneeName: null,
    resolutionCode: null,
    resolutionNotes: null,
    knowledgeArticleId: null,
    problemId: null,
    resolvedById: null,
    cancelReason: null,
    reassignmentCount: 0,
    reopenCount: 0,
    firstContactClaimed: false,
    openedAt: at,
    firstResponseAt: null,
    assignedAt: null,
    resolvedAt: null,
    closedAt: null,
    cancelledAt: null,
    updatedAt: at,
    sla: null,
    source: 'live',
    ...overrides,
  };
}
