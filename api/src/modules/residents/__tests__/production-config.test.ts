// Production settings: PHONE_KEY is required, the dev SMS sender is refused, devLoginCodes is FORBIDDEN.
import 'reflect-metadata';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

const PHONE_KEY = 'a-production-phone-key-of-32-chars-or-more';

/** Loads modules afresh with NODE_ENV=production and the given variables. */
function inProduction<T>(env: Record<string, string | undefined>, load: () => T): T {
  process.env = {
    ...saved,
    NODE_ENV: 'production',
    JWT_SECRET: 'a-production-jwt-secret',
    LOG_LEVEL: 'silent',
    ...env,
  };
  let out: T | undefined;
  jest.isolateModules(() => {
    out = load();
  });
  return out as T;
}

// require through jest, so the isolated registry applies (import() would need file extensions under node16)
const loadConfig = (): typeof import('../../../config') => jest.requireActual('../../../config');

describe('in production', () => {
  it('requires PHONE_KEY of at least 32 characters', () => {
    expect(() => inProduction({ PHONE_KEY: undefined }, loadConfig)).toThrow(/PHONE_KEY/);
    expect(() => inProduction({ PHONE_KEY: 'short' }, loadConfig)).toThrow(/PHONE_KEY/);
  });

  it('refuses SMS_SENDER=dev at start-up and defaults to no sender', () => {
    expect(() => inProduction({ PHONE_KEY, SMS_SENDER: 'dev' }, loadConfig)).toThrow(/SMS_SENDER/);
    const { config } = inProduction({ PHONE_KEY }, loadConfig);
    expect(config.smsSender).toBe('none');
  });

  it('answers devLoginCodes with FORBIDDEN and refuses to send codes', async () => {
    const { residentService, smsSender } = inProduction({ PHONE_KEY }, () => ({
      ...(jest.requireActual('../resident.service') as typeof import('../resident.service')),
      ...(jest.requireActual('../sms-sender') as typeof import('../sms-sender')),
    }));
    expect(() => residentService.devLoginCodes('13912345678')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    await expect(smsSender.send('13912345678', '123456')).rejects.toThrow(/no SMS sender/);
  });
});
