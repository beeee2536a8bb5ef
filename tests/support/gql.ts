// GraphQL over HTTP to the API under test, for setting up and reading back what browsers did.
import { DEMO_PASSWORD } from 'api/dist/db/seed/seed-types';

export async function gql<T = any>(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const res = await fetch(process.env.LC_API_URL!, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

export async function staffToken(username: string): Promise<string> {
  const data = await gql<{ login: { token: string } }>(
    `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`,
    { u: username, p: DEMO_PASSWORD },
  );
  return data.login.token;
}

/** The newest one-time code sent to a phone (development sender). */
export async function latestLoginCode(phone: string): Promise<string> {
  const data = await gql<{ devLoginCodes: { code: string }[] }>(
    `query($p: String!) { devLoginCodes(phone: $p) { code } }`,
    { p: phone },
  );
  if (!data.devLoginCodes.length) throw new Error(`no code sent to ${phone}`);
  return data.devLoginCodes[0].code;
}
