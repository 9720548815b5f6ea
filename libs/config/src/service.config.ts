import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { BOOLEAN_VARIABLE, toBoolean } from './boolean.transform';

/** What every service reads from its environment; each app extends it with its own variables. */
export class ServiceConfig {
  @IsIn(['development', 'test', 'production'], { message: 'must be development, test or production' })
  NODE_ENV: string = 'development';

  @IsInt({ message: 'must be a TCP port number' })
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @IsString()
  HOST: string = '0.0.0.0';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'must be one of fatal, error, warn, info, debug, trace, silent',
  })
  LOG_LEVEL: string = 'info';

  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// URL naming a server' })
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/postgres';

  /** The database this service owns; created on demand. */
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{0,62}$/, { message: 'must be a lower-case PostgreSQL identifier' })
  DATABASE_NAME?: string;

  @Transform(toBoolean)
  @IsBoolean(BOOLEAN_VARIABLE)
  DB_MIGRATIONS_RUN: boolean = true;

  @Matches(/^[^\s,]+:\d+(,[^\s,]+:\d+)*$/, { message: 'must be a comma-separated list of host:port' })
  KAFKA_BROKERS: string = '127.0.0.1:9092';

  /**
   * The Kafka consumer group of this service's consumers and inbox; default the service name. Every
   * replica of one deployment shares it; a parallel deployment (or a test app) takes its own.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,200}$/, { message: 'must be 1–200 letters, digits, dots, underscores or hyphens' })
  KAFKA_CONSUMER_GROUP?: string;

  @IsInt()
  @Min(1)
  @Max(256)
  KAFKA_TOPIC_PARTITIONS: number = 3;

  @IsInt()
  @Min(1)
  KAFKA_REPLICATION_FACTOR: number = 1;

  /** PEM public key (or path to one) that verifies access tokens; set on every service. */
  @IsOptional()
  @IsString()
  AUTH_PUBLIC_KEY?: string;

  /** Path to a PEM file with the public key (instead of AUTH_PUBLIC_KEY), e.g. a mounted Secret. */
  @IsOptional()
  @IsString()
  AUTH_PUBLIC_KEY_FILE?: string;

  @IsString()
  AUTH_ISSUER: string = 'helpdesk';

  @IsString()
  AUTH_AUDIENCE: string = 'helpdesk-api';

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }
}
