// Change feeds: updatedSince + updatedAt on the lists integrators read, keyset paging on
// (updatedAt, id) that loses nothing while others write.
import { startTestApi, type TestApi } from '../../../testing/harness';

let api: TestApi;
let admin: string;
beforeAll(async () => {
  api = await startTestApi();
  admin = await api.login('putuo_admin');
});
afterAll(() => api.close());

type Node = { id: string; updatedAt: string };

/** Pages a feed to its end, returning every node seen (in order) and the last cursor. */
async function drain(
  query: string,
  field: string,
  vars: Record<string, unknown>,
  token?: string,
  after: string | null = null,
): Promise<{ nodes: Node[]; cursor: string | null }> {
  const nodes: Node[] = [];
  let cursor = after;
  for (let i = 0; i < 500; i++) {
    const r: any = await api.gql(query, { ...vars, after: cursor }, token);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    const conn = r.data[field];
    nodes.push(...conn.edges.map((e: any) => e.node));
    if (conn.edges.length) cursor = conn.pageInfo.endCursor;
    if (!conn.pageInfo.hasNextPage) return { nodes, cursor };
  }
  throw new Error('feed did not end');
}

describe('change feeds', () => {
  it('each list takes updatedSince and answers oldest change first with updatedAt', async () => {
    const since = new Date(Date.now() - 365 * 24 * 3600 * 1000).toISOString();
    const lists: [string, string, string | undefined][] = [
      [
        'centers',
        `query($s: DateTime, $after: String) { centers(updatedSince: $s, first: 50, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id updatedAt } } } }`,
        undefined,
      ],
      [
        'services',
        `query($s: DateTime, $after: String) { services(updatedSince: $s, first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id updatedAt } } } }`,
        undefined,
      ],
      [
        'serviceOfferings',
        `query($s: DateTime, $after: String) { serviceOfferings(updatedSince: $s, first: 100, after: $after, filter: { regionId: "${await api.regionId('桃浦镇', 'STREET')}" }) { totalCount pageInfo { hasNextPage endCursor } edges { node { id updatedAt withdrawnAt } } } }`,
        undefined,
      ],
      [
        'demands',
        `query($s: DateTime, $after: String) { demands(updatedSince: $s, first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id updatedAt } } } }`,
        admin,
      ],
      [
        'projects',
        `query($s: DateTime, $after: String) { projects(updatedSince: $s, first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id updatedAt } } } }`,
        admin,
      ],
      [
        'deliveryOrders',
        `query($s: DateTime, $after: String) { deliveryOrders(updatedSince: $s, first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id updatedAt } } } }`,
        admin,
      ],
    ];
    for (const [field, query, token] of lists) {
      const first: any = await api.gql(query, { s: since }, token);
      expect(first.errors).toBeUndefined();
      const conn = first.data[field];
      expect(conn.edges.length).toBeGreaterThan(0);
      const times = conn.edges.map((e: any) => Date.parse(e.node.updatedAt));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(times.every((t: number) => t >= Date.parse(since))).toBe(true);
      // a future instant: nothing
      const none: any = await api.gql(query, { s: new Date(Date.now() + 3600_000).toISOString() }, token);
      expect(none.data[field].totalCount).toBe(0);
    }
    // the old cursors of a list are refused in a feed, and the reverse
    const bad: any = await api.gql(
      `{ centers(updatedSince: "2020-01-01T00:00:00Z", after: "djE6MQ") { totalCount } }`,
    );
    expect(bad.errors[0].extensions.fields[0].field).toBe('after');
  });

  it('keeps retired items and removed offerings in the feed with their status', async () => {
    const token = await api.login('taopu_admin');
    const since = new Date(Date.now() - 1000).toISOString();
    const taopu = await api.regionId('桃浦镇', 'STREET');
    const created: any = await api.gql(
      `mutation($input: CreateServiceItemInput!) { createServiceItem(input: $input) { id } }`,
      {
        input: {
          name: `变更流测试项目${process.pid}`,
          category: 'CULTURE',
          menu: 'STREET_FEATURE',
          ownerRegionId: String(taopu),
        },
      },
      token,
    );
    expect(created.errors).toBeUndefined();
    const itemId = created.data.createServiceItem.id;
    const [center] = await api.db.query(`SELECT id FROM center WHERE street_id = $1 ORDER BY id LIMIT 1`, [
      taopu,
    ]);
    const off: any = await api.gql(
      `mutation($input: SetOfferingInput!) { setOffering(input: $input) { id } }`,
      { input: { centerId: String(center.id), serviceId: itemId, schedule: [] } },
      token,
    );
    expect(off.errors).toBeUndefined();
    const offeringId = off.data.setOffering.id;
    await api.gql(`mutation($id: ID!) { removeOffering(id: $id) }`, { id: offeringId }, token);
    await api.gql(`mutation($id: ID!) { retireServiceItem(id: $id) { id } }`, { id: itemId }, token);

    // (a transaction open elsewhere on the database may hold the feed back a moment: poll)
    const poll = async (query: string, field: string, id: string) => {
      for (let i = 0; i < 100; i++) {
        const found = (await drain(query, field, { s: since })).nodes.find((n) => n.id === id);
        if (found) return found as any;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`${field} ${id} never appeared`);
    };
    const item = await poll(
      `query($s: DateTime, $after: String) { services(updatedSince: $s, first: 20, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id updatedAt retiredAt } } } }`,
      'services',
      itemId,
    );
    expect(item.retiredAt).not.toBeNull();
    const gone = await poll(
      `query($s: DateTime, $after: String) { serviceOfferings(updatedSince: $s, first: 20, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id updatedAt withdrawnAt service { id } } } } }`,
      'serviceOfferings',
      offeringId,
    );
    expect(gone.withdrawnAt).not.toBeNull();
    expect(gone.service.id).toBe(itemId);
    // the plain list no longer has it
    const plain: any = await api.gql(
      `query($c: ID) { serviceOfferings(filter: { centerId: $c }, first: 100) { edges { node { id } } } }`,
      { c: String(center.id) },
    );
    expect(plain.data.serviceOfferings.edges.map((e: any) => e.node.id)).not.toContain(offeringId);
  });

  it('does not let a change still being written fall behind a cursor the client already holds', async () => {
    const street = await api.regionId('长征镇', 'STREET');
    const ids: { id: number }[] = await api.db.query(
      `SELECT id FROM demand WHERE street_id = $1 ORDER BY id LIMIT 2`,
      [street],
    );
    const [x, y] = ids.map((r) => r.id);
    const since = new Date(Date.now() - 500).toISOString();
    const query = `query($s: DateTime, $after: String, $r: ID) { demands(updatedSince: $s, first: 50, after: $after, filter: { regionId: $r }) { pageInfo { hasNextPage endCursor } edges { node { id updatedAt } } } }`;
    const slow = api.db.createQueryRunner();
    await slow.connect();
    await slow.startTransaction();
    try {
      await slow.query(`UPDATE demand SET seconds = seconds WHERE id = $1`, [x]); // updated_at = this transaction's start
      await new Promise((r) => setTimeout(r, 20));
      await api.db.query(`UPDATE demand SET seconds = seconds WHERE id = $1`, [y]); // later, committed at once
      const early = await drain(query, 'demands', { s: since, r: String(street) }, admin);
      // y committed later than x's transaction began: it waits behind the horizon
      expect(early.nodes.map((n) => Number(n.id))).not.toContain(y);
      await slow.commitTransaction();
      let seen = early.nodes.map((n) => Number(n.id));
      let cursor = early.cursor;
      for (let i = 0; i < 50 && !(seen.includes(x) && seen.includes(y)); i++) {
        const more = await drain(query, 'demands', { s: since, r: String(street) }, admin, cursor);
        seen = seen.concat(more.nodes.map((n) => Number(n.id)));
        cursor = more.cursor;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(seen).toContain(x);
      expect(seen).toContain(y);
      expect(seen.indexOf(x)).toBeLessThan(seen.indexOf(y));
    } finally {
      if (slow.isTransactionActive) await slow.rollbackTransaction();
      await slow.release();
    }
  });

  it('a client paging while others write ends with every record at its latest change', async () => {
    const street = await api.regionId('长征镇', 'STREET');
    const ids: number[] = (
      await api.db.query(`SELECT id FROM demand WHERE street_id = $1 ORDER BY id`, [street])
    ).map((r: any) => r.id);
    expect(ids.length).toBeGreaterThan(5);
    const since = new Date(Date.now() - 200).toISOString();
    // touch them all once, then keep touching random ones while the client pages three at a time
    await api.db.query(`UPDATE demand SET seconds = seconds WHERE id = ANY($1)`, [ids]);
    let writing = true;
    let writes = 0;
    const writer = (async () => {
      while (writing) {
        const id = ids[Math.floor(Math.random() * ids.length)];
        await api.db.query(`UPDATE demand SET seconds = seconds WHERE id = $1`, [id]);
        writes++;
        await new Promise((r) => setTimeout(r, 3));
      }
    })();
    const query = `query($s: DateTime, $after: String, $r: ID) { demands(updatedSince: $s, first: 3, after: $after, filter: { regionId: $r }) { pageInfo { hasNextPage endCursor } edges { node { id updatedAt } } } }`;
    const seen = new Map<number, string>();
    let cursor: string | null = null;
    const started = Date.now();
    while (Date.now() - started < 1500) {
      const page = await drain(query, 'demands', { s: since, r: String(street) }, admin, cursor);
      for (const n of page.nodes) seen.set(Number(n.id), n.updatedAt);
      cursor = page.cursor;
    }
    writing = false;
    await writer;
    // writes have stopped: a last poll from the cursor catches up
    for (let i = 0; i < 20; i++) {
      const page = await drain(query, 'demands', { s: since, r: String(street) }, admin, cursor);
      for (const n of page.nodes) seen.set(Number(n.id), n.updatedAt);
      cursor = page.cursor;
      if (!page.nodes.length && i > 0) break;
      await new Promise((r) => setTimeout(r, 30));
    }
    const truth: { id: number; updated_at: Date }[] = await api.db.query(
      `SELECT id, updated_at FROM demand WHERE street_id = $1 AND updated_at >= $2`,
      [street, since],
    );
    expect(writes).toBeGreaterThan(20);
    expect(seen.size).toBe(truth.length);
    for (const t of truth)
      expect(Date.parse(seen.get(t.id) as string)).toBe(Math.floor(t.updated_at.getTime()));
  });
});
