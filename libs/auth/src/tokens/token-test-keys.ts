import { generateKeyPairSync } from 'node:crypto';
import { resolveAuthKeys } from './token-keys';

/** A fresh EC P-256 pair as PEM, for specs. */
export function testKeyPairPem() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }) as string,
  };
}

export function testSigningKeys() {
  const pem = testKeyPairPem();
  return { pem, ...resolveAuthKeys({ privateKey: pem.privateKey }, { needPrivateKey: true, production: true }) };
}
