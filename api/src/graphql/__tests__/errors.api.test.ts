import { startTestApi, type TestApi } from '../../testing/harness';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

function codeOf(r: any): string | undefined {
  return r.errors?.[0]?.extensions?.code;
}
function fieldsOf(r: any): string[] {
  return (r.errors?.[0]?.extensions?.fields ?? []).map((f: { field: string }) => f.field);
}

describe('bad input', () => {
  it('refuses a latitude of 999, naming the field', async () => {
    const r = await api.gql(`{ centersNear(point: { lat: 999, lng: 121.4 }) { distanceMeters } }`);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(r)).toEqual(['point.lat']);
  });

  it('refuses first: -1 and first above the maximum, saying which', async () => {
    const neg = await api.gql(`{ centers(first: -1) { totalCount } }`);
    expect(codeOf(neg)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(neg)).toEqual(['first']);
    const big: any = await api.gql(`{ centers(first: 101) { totalCount } }`);
    expect(codeOf(big)).toBe('BAD_USER_INPUT');
    expect(big.errors[0].extensions.fields[0].message).toContain('100');
    const svc = await api.gql(`{ services(first: -1) { totalCount } }`);
    expect(fieldsOf(svc)).toEqual(['first']);
  });

  it('refuses an unknown cursor', async () => {
    for (const after of ['nonsense', Buffer.from('v1:abc').toString('base64url'), '']) {
      const r = await api.gql(`query($a: String) { centers(first: 5, after: $a) { totalCount } }`, {
        a: after,
      });
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(r)).toEqual(['after']);
    }
  });

  it('refuses withinMinutes out of range', async () => {
    const r = await api.gql(
      `{ centersNear(point: { lat: 31.2, lng: 121.4 }, withinMinutes: 0) { distanceMeters } }`,
    );
    expect(fieldsOf(r)).toEqual(['withinMinutes']);
  });

  it('turns GraphQL validation and variable errors into BAD_USER_INPUT', async () => {
    const unknownField = await api.gql(`{ centers { nope } }`);
    expect(codeOf(unknownField)).toBe('BAD_USER_INPUT');
    const wrongType = await api.gql(
      `query($p: GeoPointInput!) { centersNear(point: $p) { distanceMeters } }`,
      {
        p: { lat: 'north', lng: 121 },
      },
    );
    expect(codeOf(wrongType)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(wrongType)).toEqual(['p']);
    const syntax = await api.gql(`{ centers( }`);
    expect(codeOf(syntax)).toBe('BAD_USER_INPUT');
  });

  it('leaks nothing internal', async () => {
    const r: any = await api.gql(`{ centers(first: -1) { totalCount } }`);
    const text = JSON.stringify(r);
    expect(text).not.toMatch(/stacktrace|SELECT|postgres|typeorm/i);
  });
});

describe('abusive queries', () => {
  it('rejects a query deeper than the limit with QUERY_TOO_COMPLEX', async () => {
    const deep = `{ regions(level: DISTRICT) { children { parent { children { parent { children { parent { children { parent { children { parent { name } } } } } } } } } } } }`;
    const r = await api.gql(deep);
    expect(codeOf(r)).toBe('QUERY_TOO_COMPLEX');
  });

  it('rejects too many aliases with QUERY_TOO_COMPLEX', async () => {
    const aliases = Array.from({ length: 60 }, (_, i) => `a${i}: region(id: "1") { name }`).join(' ');
    const r = await api.gql(`{ ${aliases} }`);
    expect(codeOf(r)).toBe('QUERY_TOO_COMPLEX');
  });
});
