import { ConfigValidationError } from '@helpdesk/config';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, JsonWebKey, KeyObject } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Where the keys come from: PEM text or a file path, as the AUTH_* variables give them. */
export interface AuthKeySettings {
  /** AUTH_PUBLIC_KEY: PEM text (one or more PUBLIC KEY blocks, for rotation) or a path to such a file. */
  publicKey?: string;
  /** AUTH_PUBLIC_KEY_FILE: path to a PEM file. */
  publicKeyFile?: string;
  /** AUTH_PRIVATE_KEY: PEM text or a path (the gateway only). */
  privateKey?: string;
  /** AUTH_PRIVATE_KEY_FILE: path to a PEM file (the gateway only). */
  privateKeyFile?: string;
}

export interface ResolveKeysOptions {
  /** The token issuer (gateway) needs the private key; everyone else only the public one. */
  needPrivateKey: boolean;
  /** In production a missing key is a configuration error; elsewhere a local pair is made once and shared. */
  production: boolean;
  /** Where the local key pair lives; defaults to `<repo>/.local/keys`. */
  localKeysDir?: string;
}

export interface VerificationKey {
  key: KeyObject;
  /** RFC 7638 thumbprint, used as the JWT `kid`. */
  kid: string;
}

export interface ResolvedKeys {
  verificationKeys: VerificationKey[];
  signingKey?: VerificationKey & { privateKey: KeyObject };
  source: 'config' | 'local';
  /** Set when the local pair was used: the directory holding it. */
  localKeysDir?: string;
}

const LOCAL_PRIVATE = 'access-token-es256.private.pem';
const LOCAL_PUBLIC = 'access-token-es256.public.pem';
const PEM_BLOCK = /-----BEGIN ([A-Z ]+)-----[\s\S]+?-----END \1-----/g;

/** Resolves the token keys from config, or from the shared local pair outside production. */
export function resolveAuthKeys(settings: AuthKeySettings, options: ResolveKeysOptions): ResolvedKeys {
  const privatePem = readKeyText(settings.privateKey, 'AUTH_PRIVATE_KEY', settings.privateKeyFile, 'AUTH_PRIVATE_KEY_FILE');
  const publicPem = readKeyText(settings.publicKey, 'AUTH_PUBLIC_KEY', settings.publicKeyFile, 'AUTH_PUBLIC_KEY_FILE');

  if (!privatePem && !publicPem) {
    if (options.production) {
      const variable = options.needPrivateKey ? 'AUTH_PRIVATE_KEY' : 'AUTH_PUBLIC_KEY';
      throw configError(
        variable,
        `must be set in production (PEM text, or a path in ${variable}_FILE); ` +
          (options.needPrivateKey
            ? 'an EC P-256 private key that signs access tokens'
            : 'the EC P-256 public key of the token issuer'),
      );
    }
    const dir = options.localKeysDir ?? defaultLocalKeysDir();
    const privateKey = loadOrCreateLocalPair(dir);
    const signing = { ...toVerificationKey(createPublicKey(privateKey)), privateKey };
    return {
      verificationKeys: [toVerificationKey(createPublicKey(privateKey))],
      signingKey: options.needPrivateKey ? signing : undefined,
      source: 'local',
      localKeysDir: dir,
    };
  }

  let signingKey: ResolvedKeys['signingKey'];
  if (privatePem) {
    const privateKey = parseKey(privatePem, 'private', 'AUTH_PRIVATE_KEY')[0];
    signingKey = { ...toVerificationKey(createPublicKey(privateKey)), privateKey };
  } else if (options.needPrivateKey) {
    throw configError(
      'AUTH_PRIVATE_KEY',
      'must be set when AUTH_PUBLIC_KEY is set: the gateway signs tokens with the matching private key',
    );
  }

  const verificationKeys = publicPem
    ? parseKey(publicPem, 'public', 'AUTH_PUBLIC_KEY').map(toVerificationKey)
    : [{ kid: signingKey!.kid, key: signingKey!.key }];
  if (signingKey && !verificationKeys.some((k) => k.kid === signingKey!.kid)) {
    throw configError('AUTH_PUBLIC_KEY', 'does not match AUTH_PRIVATE_KEY (tokens signed by this service would not verify)');
  }
  return { verificationKeys, signingKey: options.needPrivateKey ? signingKey : undefined, source: 'config' };
}

/** `<repo>/.local/keys`: the nearest directory above the working directory that holds nx.json. */
export function defaultLocalKeysDir(start = process.cwd()): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'nx.json'))) return join(dir, '.local', 'keys');
    const parent = dirname(dir);
    if (parent === dir) return join(resolve(start), '.local', 'keys');
    dir = parent;
  }
}

/** Makes the shared local key pair once (atomically: several services may start together) and reads it. */
export function loadOrCreateLocalPair(dir: string): KeyObject {
  const privatePath = join(dir, LOCAL_PRIVATE);
  if (!existsSync(privatePath)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const temp = `${privatePath}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(temp, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    try {
      linkSync(temp, privatePath); // fails with EEXIST if another process won the race
      writeFileSync(join(dir, LOCAL_PUBLIC), publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o644 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      unlinkSync(temp);
    }
  }
  return parseKey(readFileSync(privatePath, 'utf8'), 'private', privatePath)[0];
}

/** The JWK (with kid and alg) of a public key, e.g. for a JWKS document. */
export function publicJwk(key: VerificationKey): JsonWebKey & { kid: string; alg: string; use: string } {
  return { ...key.key.export({ format: 'jwk' }), kid: key.kid, alg: 'ES256', use: 'sig' };
}

function toVerificationKey(key: KeyObject): VerificationKey {
  const jwk = key.export({ format: 'jwk' });
  // RFC 7638: the required members in lexicographic order, no whitespace.
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return { key, kid: createHash('sha256').update(canonical).digest('base64url') };
}

function readKeyText(
  pemOrPath: string | undefined,
  variable: string,
  file: string | undefined,
  fileVariable: string,
): string | undefined {
  if (pemOrPath && file) throw configError(fileVariable, `set either ${variable} or ${fileVariable}, not both`);
  if (pemOrPath) {
    // Environment variables often carry PEM with literal "\n".
    if (pemOrPath.includes('-----BEGIN')) return pemOrPath.replace(/\\n/g, '\n');
    return readFromFile(pemOrPath, variable);
  }
  return file ? readFromFile(file, fileVariable) : undefined;
}

function readFromFile(path: string, variable: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw configError(
      variable,
      `cannot read the key file "${path}" (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
}

function parseKey(pem: string, kind: 'private' | 'public', variable: string): KeyObject[] {
  const blocks = pem.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) throw configError(variable, `is not PEM text (expected a ${kind} key block)`);
  if (kind === 'private' && blocks.length > 1) throw configError(variable, 'must hold exactly one private key');
  return blocks.map((block) => {
    let key: KeyObject;
    try {
      key = kind === 'private' ? createPrivateKey(block) : createPublicKey(block);
    } catch (e) {
      throw configError(variable, `is not a readable ${kind} key (${(e as Error).message})`);
    }
    if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
      throw configError(variable, `must be an EC P-256 ${kind} key (tokens are signed with ES256)`);
    }
    return key;
  });
}

function configError(variable: string, reason: string): ConfigValidationError {
  return new ConfigValidationError('auth', [{ variable, reason }]);
}
