import { detectLanguage } from '@helpdesk/text-analysis';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ProblemEntity, ProblemOrigin } from './entities/problem.entity';
import { nextProblemNumber } from './problem-number';

export interface NewProblemInput {
  title: string;
  description?: string;
  priority?: number;
  category?: string | null;
  ciIds?: string[];
  ownerId: string | null;
  ownerName: string | null;
  groupId: string | null;
  groupName: string | null;
  origin: ProblemOrigin;
  candidateId?: string | null;
  external?: { source: string; key: string } | null;
  createdById: string;
}

/** A new problem row in state new, numbered from the sequence (not yet written). */
export async function newProblem(manager: EntityManager, input: NewProblemInput): Promise<ProblemEntity> {
  const title = input.title.trim();
  const description = input.description ?? '';
  return Object.assign(new ProblemEntity(), {
    id: randomUUID(),
    number: await nextProblemNumber(manager),
    title,
    description,
    state: 'new',
    priority: input.priority ?? 3,
    category: input.category?.trim() || null,
    ciIds: distinct(input.ciIds ?? []),
    language: detectLanguage(title, description),
    ownerId: input.ownerId,
    ownerName: input.ownerName,
    groupId: input.groupId,
    groupName: input.groupName,
    symptoms: null,
    timeline: [],
    rootCause: null,
    contributingFactors: [],
    fiveWhys: [],
    workaround: null,
    knownErrorAt: null,
    knownErrorById: null,
    resolutionNotes: null,
    resolveLinkedIncidents: null,
    resolvedAt: null,
    resolvedById: null,
    closedAt: null,
    closedById: null,
    closeNotes: null,
    linkedIncidentCount: 0,
    openIncidentCount: 0,
    origin: input.origin,
    candidateId: input.candidateId ?? null,
    externalSource: input.external?.source ?? null,
    externalKey: input.external?.key ?? null,
    searchTerms: [],
    createdById: input.createdById,
  } satisfies Partial<ProblemEntity>) as ProblemEntity;
}

/** CI ids and list entries as typed: trimmed (NFKC), no empties, no repeats, order kept. */
export function distinct(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.normalize('NFKC').trim()).filter((v) => v.length > 0))];
}
