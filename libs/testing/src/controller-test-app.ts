import { INestApplication, ModuleMetadata } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AuthModule, TokenIssuer } from '@helpdesk/auth';
import { HttpConventionsModule } from '@helpdesk/service-runtime';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ControllerTestApp {
  app: INestApplication;
  /** Signs access tokens the app's guards accept (a throw-away local key pair). */
  issuer: TokenIssuer;
  close(): Promise<void>;
}

/**
 * A controller spec's app: the given controllers and (stubbed) providers behind the real auth guards,
 * validation pipe and error filter, so the spec checks authentication, roles and validation only.
 */
export async function startControllerTestApp(
  metadata: Pick<ModuleMetadata, 'controllers' | 'providers'>,
): Promise<ControllerTestApp> {
  const keysDir = mkdtempSync(join(tmpdir(), 'controller-spec-'));
  const moduleRef = await Test.createTestingModule({
    imports: [
      HttpConventionsModule,
      AuthModule.forRoot({
        issuer: 'i',
        audience: 'a',
        keys: {},
        production: false,
        localKeysDir: keysDir,
        issuing: { accessTokenTtlSeconds: 60 },
      }),
    ],
    ...metadata,
  }).compile();
  const app = moduleRef.createNestApplication();
  await app.init();
  return {
    app,
    issuer: app.get(TokenIssuer),
    close: async () => {
      await app.close();
      rmSync(keysDir, { recursive: true, force: true });
    },
  };
}
