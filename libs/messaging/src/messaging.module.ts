import { HealthRegistry } from '@helpdesk/observability';
import {
  BeforeApplicationShutdown,
  DynamicModule,
  Global,
  Inject,
  Logger,
  Module,
  ModuleMetadata,
  OnApplicationBootstrap,
  OnModuleInit,
  Provider,
} from '@nestjs/common';
import { InboxService } from './inbox/inbox.service';
import { KafkaTopicsService } from './kafka/kafka-topics.service';
import {
  MESSAGING_OPTIONS,
  MessagingModuleOptions,
  ResolvedMessagingOptions,
  resolveMessagingOptions,
} from './messaging.options';
import { OutboxRelay } from './outbox/outbox-relay.service';
import { OutboxRepository } from './outbox/outbox.repository';
import { OutboxService } from './outbox/outbox.service';
import { OutboxSignal } from './outbox/outbox.signal';

export interface MessagingModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  inject?: any[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  useFactory: (...args: any[]) => MessagingModuleOptions | Promise<MessagingModuleOptions>;
}

const SERVICES: Provider[] = [OutboxSignal, OutboxRepository, OutboxService, OutboxRelay, InboxService, KafkaTopicsService];
const EXPORTS = [MESSAGING_OPTIONS, OutboxService, OutboxRelay, InboxService, KafkaTopicsService];

/**
 * Outbox, relay, inbox and topics for one service. Needs DatabaseModule (the DataSource, with
 * messagingEntities and messagingMigrations in it) and ObservabilityModule (health, metrics).
 * Start-up: creates the declared topics (+ .dlq), then starts the relay and the inbox pruning;
 * shutdown: the relay finishes its round and disconnects, and the pruning its chunk, before the
 * DataSource closes.
 */
@Global()
@Module({})
export class MessagingModule implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MessagingModule.name);

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: ResolvedMessagingOptions,
    private readonly topics: KafkaTopicsService,
    private readonly relay: OutboxRelay,
    private readonly inbox: InboxService,
    private readonly health: HealthRegistry,
  ) {}

  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [{ provide: MESSAGING_OPTIONS, useValue: resolveMessagingOptions(options) }, ...SERVICES],
      exports: EXPORTS,
    };
  }

  /** When the options come from an injected config (e.g. ServiceConfig). */
  static forRootAsync(options: MessagingModuleAsyncOptions): DynamicModule {
    return {
      module: MessagingModule,
      imports: options.imports ?? [],
      providers: [
        {
          provide: MESSAGING_OPTIONS,
          inject: options.inject ?? [],
          useFactory: async (...args: unknown[]) => resolveMessagingOptions(await options.useFactory(...args)),
        },
        ...SERVICES,
      ],
      exports: EXPORTS,
    };
  }

  onModuleInit(): void {
    this.health.register('kafka', () => this.topics.check());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.topics.ensureDeclaredTopicsAtStartup();
    this.relay.start();
    this.inbox.startPruning();
    this.logger.log(`Messaging ready for ${this.options.serviceName} (brokers ${this.options.brokers.join(',')})`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.topics.close();
    await Promise.all([this.relay.stop(), this.inbox.stopPruning()]);
  }
}
