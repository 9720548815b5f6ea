import { kafkaAnswers } from './kafka-probe';
import { defaultKafkaDataDir, defaultKafkaPort, LocalKafka } from './local-kafka';

const USAGE = 'Usage: kafka.cli.ts start|stop|status   (KAFKA_PORT selects the port, default 9092)';

/** `start` | `stop` | `status` for the local broker on KAFKA_PORT; returns the exit code. */
export async function runKafkaCli(argv: string[]): Promise<number> {
  const log = (msg: string): void => console.error(msg);
  const port = defaultKafkaPort();
  switch (argv[0]) {
    case 'start': {
      const kafka = new LocalKafka({ port, log });
      const started = Date.now();
      await kafka.start();
      console.log(`Kafka ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      console.log(`KAFKA_BROKERS=${kafka.brokers}`);
      console.log(`pid ${kafka.pid}, data ${kafka.dataDir}, log ${kafka.logFile}`);
      return 0;
    }
    case 'stop': {
      const stopped = await LocalKafka.stopFromPidFile(LocalKafka.pidFileFor(defaultKafkaDataDir(port)), { log });
      console.log(stopped ? 'Kafka stopped' : `No local Kafka broker running for port ${port}`);
      return 0;
    }
    case 'status': {
      const kafka = new LocalKafka({ port });
      const answers = await kafkaAnswers(kafka.brokers, 3000);
      if (kafka.isRunning())
        console.log(
          `running: pid ${kafka.pid}, ${answers ? 'answering' : 'NOT answering'} on ${kafka.brokers}, log ${kafka.logFile}`,
        );
      else console.log(answers ? `a broker not started by this tool answers on ${kafka.brokers}` : `not running (port ${port})`);
      return answers ? 0 : 1;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}
