import { kafkaAnswers, probeKafka } from './kafka-probe';
import { defaultKafkaPort, LocalKafka, LocalKafkaOptions } from './local-kafka';

export interface EnsuredKafka {
  /** Comma-separated bootstrap brokers, e.g. 127.0.0.1:9092. */
  brokers: string;
  /** True when this call started the broker (then stop() stops it). */
  started: boolean;
  /** Stops the broker if this call started it; otherwise does nothing. */
  stop(): Promise<void>;
}

export interface EnsureKafkaOptions extends LocalKafkaOptions {
  /** Default: process.env. */
  env?: NodeJS.ProcessEnv;
}

/**
 * A Kafka to talk to: KAFKA_BROKERS when set (must answer), else a broker already answering on
 * 127.0.0.1:<KAFKA_PORT|9092> (reused), else a LocalKafka started now.
 */
export async function ensureKafka(opts: EnsureKafkaOptions = {}): Promise<EnsuredKafka> {
  const env = opts.env ?? process.env;
  const noop = async (): Promise<void> => undefined;

  if (env.KAFKA_BROKERS) {
    const brokers = env.KAFKA_BROKERS;
    try {
      await probeKafka(brokers, { timeoutMs: 5000 });
    } catch (err) {
      throw new Error(`KAFKA_BROKERS=${brokers} does not answer: ${(err as Error).message}. Unset it to start a local broker.`);
    }
    opts.log?.(`Using Kafka at KAFKA_BROKERS=${brokers}`);
    return { brokers, started: false, stop: noop };
  }

  const port = opts.port ?? defaultKafkaPort(env);
  const brokers = `127.0.0.1:${port}`;
  if (await kafkaAnswers(brokers, 2000)) {
    opts.log?.(`Reusing the Kafka broker already answering on ${brokers}`);
    return { brokers, started: false, stop: noop };
  }

  const kafka = new LocalKafka({ ...opts, port });
  // A broker of ours that is still starting is adopted, and then not ours to stop.
  const adopted = kafka.isRunning();
  await kafka.start();
  return { brokers: kafka.brokers, started: !adopted, stop: adopted ? noop : () => kafka.stop() };
}
