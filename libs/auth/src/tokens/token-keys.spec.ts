import { ConfigValidationError } from '@helpdesk/config';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { loadOrCreateLocalPair, resolveAuthKeys } from './token-keys';
import { testKeyPairPem } from './token-test-keys';

function variablesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigValidationError);
    return (e as ConfigValidationError).problems.map((p) => p.variable);
  }
  throw new Error('expected a configuration error');
}

describe('resolveAuthKeys', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'auth-keys-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('outside production, makes one local pair and reuses it for issuer and verifiers', () => {
    const keysDir = join(dir, 'keys');
    const gateway = resolveAuthKeys({}, { needPrivateKey: true, production: false, localKeysDir: keysDir });
    const service = resolveAuthKeys({}, { needPrivateKey: false, production: false, localKeysDir: keysDir });
    expect(gateway.source).toBe('local');
    expect(service.signingKey).toBeUndefined();
    expect(service.verificationKeys[0].kid).toBe(gateway.signingKey!.kid);
    expect(readdirSync(keysDir).sort()).toEqual(['access-token-es256.private.pem', 'access-token-es256.public.pem']);
    expect(statSync(join(keysDir, 'access-token-es256.private.pem')).mode & 0o077).toBe(0);
    expect(loadOrCreateLocalPair(keysDir).equals(gateway.signingKey!.privateKey)).toBe(true);
  });

  it('in production, a missing key is a config error naming the variable', () => {
    expect(variablesOf(() => resolveAuthKeys({}, { needPrivateKey: true, production: true }))).toEqual(['AUTH_PRIVATE_KEY']);
    expect(variablesOf(() => resolveAuthKeys({}, { needPrivateKey: false, production: true }))).toEqual(['AUTH_PUBLIC_KEY']);
  });

  it('reads PEM text (also with literal \\n) and files, and derives the public key from the private one', () => {
    const pem = testKeyPairPem();
    const file = join(dir, 'public.pem');
    writeFileSync(file, pem.publicKey);
    const fromText = resolveAuthKeys(
      { privateKey: pem.privateKey.replace(/\n/g, '\\n') },
      { needPrivateKey: true, production: true },
    );
    const fromFile = resolveAuthKeys({ publicKeyFile: file }, { needPrivateKey: false, production: true });
    const fromPath = resolveAuthKeys({ publicKey: file }, { needPrivateKey: false, production: true });
    expect(fromFile.verificationKeys[0].kid).toBe(fromText.signingKey!.kid);
    expect(fromPath.verificationKeys[0].kid).toBe(fromText.signingKey!.kid);
  });

  it('refuses mismatched, unreadable, non-EC or doubly-set keys', () => {
    const a = testKeyPairPem();
    const b = testKeyPairPem();
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }) as string;
    expect(
      variablesOf(() =>
        resolveAuthKeys({ privateKey: a.privateKey, publicKey: b.publicKey }, { needPrivateKey: true, production: true }),
      ),
    ).toEqual(['AUTH_PUBLIC_KEY']);
    expect(
      variablesOf(() =>
        resolveAuthKeys({ publicKeyFile: join(dir, 'missing.pem') }, { needPrivateKey: false, production: true }),
      ),
    ).toEqual(['AUTH_PUBLIC_KEY_FILE']);
    expect(variablesOf(() => resolveAuthKeys({ publicKey: rsa }, { needPrivateKey: false, production: true }))).toEqual([
      'AUTH_PUBLIC_KEY',
    ]);
    expect(
      variablesOf(() =>
        resolveAuthKeys({ publicKey: a.publicKey, publicKeyFile: '/x' }, { needPrivateKey: false, production: true }),
      ),
    ).toEqual(['AUTH_PUBLIC_KEY_FILE']);
    expect(
      variablesOf(() =>
        resolveAuthKeys({ publicKey: a.publicKey }, { needPrivateKey: true, production: false, localKeysDir: dir }),
      ),
    ).toEqual(['AUTH_PRIVATE_KEY']);
  });

  it('accepts several public keys for rotation', () => {
    const a = testKeyPairPem();
    const b = testKeyPairPem();
    const keys = resolveAuthKeys(
      { privateKey: a.privateKey, publicKey: `${a.publicKey}\n${b.publicKey}` },
      { needPrivateKey: true, production: true },
    );
    expect(keys.verificationKeys).toHaveLength(2);
  });
});
