import { startTestApi, type TestApi } from '../testing/harness';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe('HTTP server', () => {
  it('answers /healthz and /readyz', async () => {
    const base = api.url.replace(/\/graphql$/, '');
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('answers CORS preflights for integrators on other origins', async () => {
    const res = await fetch(api.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://integrator.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    });
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://integrator.example');
  });

  it('rate-limits repeated failed logins for one username', async () => {
    const q = `mutation { login(username: "evaluator_throttle_probe", password: "wrong") { token } }`;
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const r: any = await api.gql(q);
      codes.push(r.errors[0].extensions.code);
    }
    expect(codes.slice(0, 10).every((c) => c === 'UNAUTHENTICATED')).toBe(true);
    expect(codes.slice(10)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });
});
