import { Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ImportJobEntity } from './entities/import-job.entity';
import { ImportProgressDelta, IncidentImportOutcome } from './import-job-progress';
import { IMPORT_CONCURRENCY, ImportJobRunner } from './import-job-runner.service';
import { ImportJobsRepository, ImportPlanFigures } from './import-jobs.repository';
import { SERVICENOW_REQUIRED_COLUMNS } from './servicenow/servicenow-csv.parser';
import {
  EnsuredDirectoryNames,
  IncidentReplayError,
  ServiceNowIncidentImporter,
} from './servicenow/servicenow-incident-importer.service';
import { ImportedIncidentPlan } from './servicenow/servicenow-incident-plan';
import { ServiceNowImportRepository } from './servicenow/servicenow-import.repository';

/** A minimal export: each incident opened on its day, New in Group 1, then Closed (4 steps, 5 events). */
function csv(incidents: Array<{ number: string; day: number; openedAt?: string }>): string {
  const header = [...SERVICENOW_REQUIRED_COLUMNS];
  const row = (values: Record<string, string>) =>
    header.map((h) => values[h] ?? (['reassignment_count', 'reopen_count', 'sys_mod_count'].includes(h) ? '0' : '?')).join(',');
  const lines = [header.join(',')];
  for (const { number, day, openedAt } of incidents) {
    const at = `${String(day).padStart(2, '0')}-03-2016 09:00`;
    const common = {
      number,
      opened_at: openedAt ?? at,
      contact_type: 'Phone',
      impact: '2 - Medium',
      urgency: '2 - Medium',
      caller_id: 'Caller 1',
    };
    lines.push(row({ ...common, incident_state: 'New', sys_updated_at: at, assignment_group: 'Group 1' }));
    lines.push(
      row({
        ...common,
        incident_state: 'Closed',
        sys_mod_count: '1',
        sys_updated_at: `${String(day).padStart(2, '0')}-03-2016 12:00`,
        assignment_group: 'Group 1',
        resolved_at: `${String(day).padStart(2, '0')}-03-2016 11:00`,
        closed_at: `${String(day).padStart(2, '0')}-03-2016 12:00`,
      }),
    );
  }
  return lines.join('\n');
}

function newJob(): ImportJobEntity {
  const now = new Date();
  return Object.assign(new ImportJobEntity(), {
    id: '5f0c0e1a-1111-4222-8333-444455556666',
    kind: 'servicenow-incidents',
    state: 'queued',
    requestedBy: '5f0c0e1a-1111-4222-8333-000000000001',
    fileName: 'log.csv',
    sizeBytes: 1,
    sha256: '0'.repeat(64),
    rowCount: 0,
    incidentsTotal: 0,
    incidentsCreated: 0,
    incidentsUnchanged: 0,
    incidentsSkipped: 0,
    eventsWritten: 0,
    stepsApplied: 0,
    deviations: {},
    problems: [],
    problemCount: 0,
    plannedAt: null,
    createdAt: now,
    startedAt: null,
    finishedAt: null,
    updatedAt: now,
    error: null,
  } satisfies ImportJobEntity);
}

/** A transaction of the fakes: effects apply on commit only. */
class FakeManager {
  readonly onCommit: Array<() => void> = [];
}

/** The job's tables in memory, with the repository's transactional rules. */
class FakeJobs {
  job = newJob();
  file: Buffer | null = null;
  readonly items = new Map<string, string>();
  planRecords = 0;

  async tryLockRunner() {
    return { release: async () => undefined };
  }
  async nextPending() {
    return this.job.state === 'queued' || this.job.state === 'running' ? { ...this.job } : null;
  }
  async content() {
    return this.file;
  }
  async markRunning() {
    this.job.state = 'running';
  }
  async recordPlan(_id: string, f: ImportPlanFigures) {
    if (this.job.plannedAt) return;
    this.planRecords++;
    Object.assign(this.job, {
      rowCount: f.rowCount,
      incidentsTotal: f.incidentsTotal,
      incidentsSkipped: this.job.incidentsSkipped + f.incidentsSkipped,
      deviations: f.deviations,
      problems: f.problems,
      problemCount: f.problemCount,
      plannedAt: new Date(),
    });
  }
  async recordOutcome(
    manager: EntityManager,
    _id: string,
    item: { externalKey: string; outcome: string },
    d: ImportProgressDelta,
  ) {
    if (this.items.has(item.externalKey) || this.job.state !== 'running') return false;
    (manager as unknown as FakeManager).onCommit.push(() => {
      this.items.set(item.externalKey, item.outcome);
      const j = this.job;
      j.incidentsCreated += d.created;
      j.incidentsUnchanged += d.unchanged;
      j.incidentsSkipped += d.skipped;
      j.eventsWritten += d.events;
      j.stepsApplied += d.steps;
      j.problems = [...j.problems, ...d.problems];
      j.problemCount += d.problems.length;
    });
    return true;
  }
  async handledPlans() {
    return new Set(this.items.keys());
  }
  async transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    const m = new FakeManager();
    const result = await work(m as unknown as EntityManager);
    m.onCommit.forEach((f) => f());
    return result;
  }
  async finish(_id: string, state: 'succeeded' | 'failed', error: string | null) {
    this.job.state = state;
    this.job.error = error;
    this.job.finishedAt = new Date();
    this.file = null;
    this.items.clear();
  }
  async findById() {
    return this.job;
  }
}

type Behaviour = (plan: ImportedIncidentPlan, attempt: number) => Promise<IncidentImportOutcome> | IncidentImportOutcome;

/** Imports by script: each number's behaviour (default: created with its plan's steps). */
class FakeImporter {
  readonly calls: string[] = [];
  readonly behaviours = new Map<string, Behaviour>();

  constructor(private readonly jobs: FakeJobs) {}

  async importIncident(
    plan: ImportedIncidentPlan,
    _ensured: EnsuredDirectoryNames,
    record: (m: EntityManager, o: IncidentImportOutcome) => Promise<void>,
  ): Promise<IncidentImportOutcome> {
    this.calls.push(plan.number);
    const attempt = this.calls.filter((n) => n === plan.number).length;
    return this.jobs.transaction(async (m) => {
      const behaviour = this.behaviours.get(plan.number);
      const outcome: IncidentImportOutcome = behaviour
        ? await behaviour(plan, attempt)
        : { kind: 'created', incidentId: plan.number, events: 1 + plan.steps.length, steps: plan.steps.length };
      await record(m, outcome);
      return outcome;
    });
  }
}

function setUp(file: string) {
  const jobs = new FakeJobs();
  jobs.file = Buffer.from(file, 'utf8');
  const importer = new FakeImporter(jobs);
  const raised: number[] = [];
  const servicenow = { raiseIncidentNumberSequence: async (n: number) => void raised.push(n) };
  const runner = new ImportJobRunner(
    jobs as unknown as ImportJobsRepository,
    servicenow as unknown as ServiceNowImportRepository,
    importer as unknown as ServiceNowIncidentImporter,
  );
  return { jobs, importer, raised, runner };
}

async function runOnce(runner: ImportJobRunner): Promise<void> {
  runner.kick();
  await runner.whenIdle();
}

const FILE = csv([
  { number: 'INC0000047', day: 3 },
  { number: 'INC0001434', day: 1 },
  { number: 'INC0000045', day: 2 },
]);

describe('ImportJobRunner bookkeeping', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));

  it('runs a queued job in opened_at order, counting each outcome, and raises the number sequence first', async () => {
    const { jobs, importer, raised, runner } = setUp(FILE);
    await runOnce(runner);
    expect(importer.calls).toEqual(['INC0001434', 'INC0000045', 'INC0000047']);
    expect(raised).toEqual([1434]);
    expect(jobs.job).toMatchObject({
      state: 'succeeded',
      error: null,
      rowCount: 6,
      incidentsTotal: 3,
      incidentsCreated: 3,
      incidentsUnchanged: 0,
      incidentsSkipped: 0,
      stepsApplied: 12,
      eventsWritten: 15,
      problemCount: 0,
    });
    expect(jobs.file).toBeNull();
  });

  it('resumes a job that was running: only the incidents not done, plan figures kept from the first run', async () => {
    const { jobs, importer, runner } = setUp(FILE);
    Object.assign(jobs.job, {
      state: 'running',
      rowCount: 6,
      incidentsTotal: 3,
      incidentsCreated: 1,
      plannedAt: new Date(),
      stepsApplied: 4,
      eventsWritten: 5,
    });
    jobs.items.set('servicenow:INC0000045', 'created');
    await runOnce(runner);
    expect(importer.calls).toEqual(['INC0001434', 'INC0000047']);
    expect(jobs.planRecords).toBe(0);
    expect(jobs.job).toMatchObject({ state: 'succeeded', incidentsCreated: 3, stepsApplied: 12, eventsWritten: 15 });
  });

  it('counts unchanged and skipped incidents, and leaves out one the core refuses with a problem naming its row', async () => {
    const { jobs, importer, runner } = setUp(FILE);
    importer.behaviours.set('INC0001434', (plan) => ({ kind: 'unchanged', incidentId: plan.number }));
    importer.behaviours.set('INC0000045', () => {
      throw new IncidentReplayError(5, 'resolve at row 5 failed: Resolution notes are required');
    });
    await runOnce(runner);
    expect(jobs.job).toMatchObject({
      state: 'succeeded',
      incidentsCreated: 1,
      incidentsUnchanged: 1,
      incidentsSkipped: 1,
      eventsWritten: 5,
      problemCount: 1,
    });
    expect(jobs.job.problems).toEqual([
      { row: 5, reason: 'INC0000045 was not imported: resolve at row 5 failed: Resolution notes are required' },
    ]);
  });

  it('retries an incident in place while the database is unreachable, then goes on', async () => {
    const { jobs, importer, runner } = setUp(FILE);
    importer.behaviours.set('INC0000045', (plan, attempt) => {
      if (attempt < 3) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      return { kind: 'created', incidentId: plan.number, events: 5, steps: 4 };
    });
    await runOnce(runner);
    expect(importer.calls.filter((n) => n === 'INC0000045')).toHaveLength(3);
    expect(jobs.job).toMatchObject({ state: 'succeeded', incidentsCreated: 3, incidentsSkipped: 0, problemCount: 0 });
  });

  it('records bad rows of the file as problems and their incidents as skipped', async () => {
    const file = csv([
      { number: 'INC0000045', day: 2 },
      { number: 'INC0000046', day: 4, openedAt: '31-02-2016 09:00' },
    ]);
    const { jobs, importer, runner } = setUp(file);
    await runOnce(runner);
    expect(importer.calls).toEqual(['INC0000045']);
    expect(jobs.job).toMatchObject({
      state: 'succeeded',
      incidentsTotal: 2,
      incidentsCreated: 1,
      incidentsSkipped: 1,
      problemCount: 2,
    });
    expect(jobs.job.problems.map((p) => [p.row, p.field])).toEqual([
      [4, 'opened_at'],
      [5, 'opened_at'],
    ]);
  });

  it('fails a job whose file is gone, saying why', async () => {
    const { jobs, runner } = setUp(FILE);
    jobs.file = null;
    await runOnce(runner);
    expect(jobs.job).toMatchObject({ state: 'failed', error: 'The uploaded file of this job is missing' });
  });

  it('on shutdown stops after the incidents in hand and leaves the job running, to resume with the rest', async () => {
    const { jobs, importer, runner } = setUp(
      csv(Array.from({ length: 12 }, (_, i) => ({ number: `INC00001${String(i).padStart(2, '0')}`, day: i + 1 }))),
    );
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // Every incident but the first waits: the runner has IMPORT_CONCURRENCY of them in hand at the shutdown.
    for (let i = 1; i < 12; i++) {
      importer.behaviours.set(`INC00001${String(i).padStart(2, '0')}`, async (plan) => {
        await gate;
        return { kind: 'created', incidentId: plan.number, events: 5, steps: 4 };
      });
    }
    runner.kick();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const shutdown = runner.beforeApplicationShutdown();
    release();
    await shutdown;
    expect(jobs.job.state).toBe('running');
    const done = jobs.job.incidentsCreated;
    expect(done).toBe(1 + IMPORT_CONCURRENCY);
    expect(jobs.items.size).toBe(done);

    // A new runner (the restarted service) finishes the rest, each incident once.
    const calls = importer.calls.length;
    const again = new ImportJobRunner(
      jobs as unknown as ImportJobsRepository,
      { raiseIncidentNumberSequence: async () => undefined } as unknown as ServiceNowImportRepository,
      importer as unknown as ServiceNowIncidentImporter,
    );
    await runOnce(again);
    expect(jobs.job).toMatchObject({ state: 'succeeded', incidentsCreated: 12 });
    expect(importer.calls.length - calls).toBe(12 - done);
    expect(new Set(importer.calls).size).toBe(12);
  });
});
