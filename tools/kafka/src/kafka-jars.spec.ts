import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { helpdeskCacheDir, KAFKA_POM, kafkaLibsDir, kafkaVersionFromPom, resolveKafkaJars } from './kafka-jars';

describe('kafka-jars', () => {
  let cacheDir: string;
  beforeEach(() => (cacheDir = mkdtempSync(join(tmpdir(), 'kafka-jars-'))));
  afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

  it('reads the Kafka version from the pom, pinned to 3.9.x', () => {
    expect(kafkaVersionFromPom()).toMatch(/^3\.9\.\d+$/);
  });

  it('caches under HELPDESK_CACHE_DIR, else ~/.cache/helpdesk', () => {
    expect(helpdeskCacheDir({ HELPDESK_CACHE_DIR: '/c' })).toBe('/c');
    expect(helpdeskCacheDir({})).toBe(join(homedir(), '.cache', 'helpdesk'));
    expect(kafkaLibsDir('3.9.1', '/c')).toBe('/c/kafka-3.9.1/libs');
  });

  it('skips Maven when the marker matches the pom', async () => {
    const version = kafkaVersionFromPom();
    const libsDir = kafkaLibsDir(version, cacheDir);
    mkdirSync(libsDir, { recursive: true });
    const pomHash = createHash('sha256').update(readFileSync(KAFKA_POM)).digest('hex');
    writeFileSync(join(libsDir, '.complete.json'), JSON.stringify({ version, pomHash, jarCount: 57 }));

    const jars = await resolveKafkaJars({ cacheDir, mavenArgs: ['--this-flag-would-make-maven-fail'] });

    expect(jars).toEqual({ version, libsDir, classpath: join(libsDir, '*'), jarCount: 57, downloaded: false });
  });

  it('runs Maven again when the marker is for another pom, and reports its failure', async () => {
    const libsDir = kafkaLibsDir(kafkaVersionFromPom(), cacheDir);
    mkdirSync(libsDir, { recursive: true });
    writeFileSync(join(libsDir, '.complete.json'), JSON.stringify({ pomHash: 'old', jarCount: 1 }));

    await expect(resolveKafkaJars({ cacheDir, mavenArgs: ['--no-such-maven-flag'] })).rejects.toThrow(/mvn .* failed/);
    expect(readdirSync(join(libsDir, '..'))).toEqual(['libs']); // staging folder removed
  });
});
