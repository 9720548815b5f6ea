import { LoggerService } from '@nestjs/common';
import { loadConfig } from '@helpdesk/config';
import { createDataSource } from '@helpdesk/database';
import { kafkaClientConfig, parseBrokers } from '@helpdesk/messaging';
import { Kafka } from 'kafkajs';
import { REPORTING_CONSUMES, SERVICE_NAME } from '../app.module';
import { ReportingConfig } from '../config/reporting.config';
import { IncidentFactsProjection } from '../incident-facts/incident-facts.projection';
import { IncidentFactsRepository } from '../incident-facts/incident-facts.repository';
import { KnowledgeFactsProjection } from '../knowledge-facts/knowledge-facts.projection';
import { ReadModelProjections } from './read-model-projections';
import { ReadModelRebuild, ReadModelRebuildOptions } from './read-model-rebuild';
import { formatRebuildSummary } from './rebuild-summary';

export const REBUILD_USAGE = `Usage: rebuild.cli.ts [--allow-truncated-topics]
Rebuilds the reporting read models from the Kafka topics (offset 0) while the service runs, with the
service's own environment (DATABASE_URL, DATABASE_NAME, KAFKA_BROKERS, ...).
  --allow-truncated-topics  proceed although retention deleted the oldest events of a topic
`;

export interface CommandOutput {
  out(text: string): void;
  err(text: string): void;
}

const processOutput: CommandOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/**
 * The rebuild command: 0 when the read models were rebuilt, 1 when it failed, 2 for bad arguments.
 * `onPhase` runs before each phase, after the command's own progress line (tests act between phases).
 */
export async function runRebuildCommand(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: CommandOutput = processOutput,
  onPhase?: ReadModelRebuildOptions['onPhase'],
): Promise<number> {
  if (argv.includes('--help')) {
    io.out(REBUILD_USAGE);
    return 0;
  }
  const unknown = argv.filter((a) => a !== '--allow-truncated-topics');
  if (unknown.length > 0) {
    io.err(`Unknown argument(s): ${unknown.join(' ')}\n${REBUILD_USAGE}`);
    return 2;
  }
  // Progress and skipped events on stderr, so that stdout holds the summary alone.
  const line = (level: string) => (message: unknown) => io.err(`${new Date().toISOString()} ${level} ${String(message)}\n`);
  const logger: LoggerService = { log: line('info'), warn: line('warn'), error: line('error') };
  let dataSource;
  try {
    const config = loadConfig(ReportingConfig, env);
    dataSource = createDataSource({
      serverUrl: config.DATABASE_URL,
      database: config.DATABASE_NAME!,
      entities: [],
      migrations: [],
      // The rebuild's own connection and one per partition applied side by side (ReadModelRebuild's default 3).
      poolSize: 4,
      applicationName: `${SERVICE_NAME}-rebuild`,
    });
    await dataSource.initialize();
    const rebuild = new ReadModelRebuild({
      dataSource,
      kafka: new Kafka(kafkaClientConfig({ brokers: parseBrokers(config.KAFKA_BROKERS), clientId: `${SERVICE_NAME}-rebuild` })),
      projections: new ReadModelProjections(
        new IncidentFactsProjection(new IncidentFactsRepository(), config),
        new KnowledgeFactsProjection(),
      ),
      topics: REPORTING_CONSUMES,
      groupPrefix: `${config.KAFKA_CONSUMER_GROUP ?? SERVICE_NAME}-rebuild`,
      allowTruncatedTopics: argv.includes('--allow-truncated-topics'),
      logger,
      onPhase: async (phase) => {
        logger.log(`Phase: ${phase}`);
        await onPhase?.(phase);
      },
    });
    io.out(formatRebuildSummary(await rebuild.run()));
    return 0;
  } catch (err) {
    io.err(`Rebuild failed: ${(err as Error).message}\n`);
    return 1;
  } finally {
    if (dataSource?.isInitialized) await dataSource.destroy().catch(() => undefined);
  }
}
