// The SPAs send only the hashes of their build-time documents; the API fills them in and trusts them.
import { loadPersistedDocuments, withTypenames } from '../persisted-documents';
import { startTestApi, type TestApi } from '../../testing/harness';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const post = async (body: unknown) => {
  const res = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
};

describe('persisted documents', () => {
  const docs = loadPersistedDocuments();

  it('both SPAs have their manifests; each document gets __typename below its root, as urql sends it', () => {
    expect(docs.size).toBeGreaterThan(40);
    const session = [...docs.values()].find((t) => t.includes('query Session'))!;
    expect(session).toMatch(/me \{[^}]*__typename/);
    expect(session).not.toMatch(/query Session \{\s*__typename/);
    expect(withTypenames(withTypenames(session))).toBe(withTypenames(session));
  });

  it('answers a known hash without the document text, and refuses an unknown one', async () => {
    // a query that needs no variables (me is null for anonymous callers)
    const [hash, text] = [...docs].find(([, t]) => /query \w+ \{/.test(t) && !t.includes('$'))!;
    expect(text).toBeTruthy();
    const known = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(known.status).toBe(200);
    expect(known.body.errors).toBeUndefined();
    const unknown = await post({
      extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    // a hash with another document's text is refused too
    const swapped = await post({
      query: '{ __typename }',
      extensions: { persistedQuery: { sha256Hash: hash } },
    });
    expect(swapped.status).toBe(400);
  });
});
