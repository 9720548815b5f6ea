import { ConfigValidationError } from '@helpdesk/config';
import { AppModule } from './app.module';

describe('AppModule.forRoot', () => {
  const variablesOf = (env: NodeJS.ProcessEnv): string[] => {
    try {
      AppModule.forRoot(env);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigValidationError);
      return (e as ConfigValidationError).problems.map((p) => p.variable);
    }
    return [];
  };

  it('in production, refuses to start without a signing key, naming the variable', () => {
    expect(variablesOf({ NODE_ENV: 'production' })).toEqual(['AUTH_PRIVATE_KEY']);
  });

  it('names bad variables before anything connects', () => {
    expect(variablesOf({ PORT: 'eighty', ACCESS_TOKEN_TTL: 'soon' }).sort()).toEqual(['ACCESS_TOKEN_TTL', 'PORT']);
  });
});
