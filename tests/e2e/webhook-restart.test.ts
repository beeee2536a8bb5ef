// Webhooks survive the API process dying: a change commits its event with it (the outbox), an API
// started as a child process (`node api/dist/cli/serve.js`, as in production) begins to deliver it
// and is killed (SIGKILL) mid-delivery; a second change is made while no worker runs; a new API
// process delivers both, signed, each event answered 200 exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { verifyWebhook } from 'api/dist/modules/webhooks/webhook-signature';
import { gql, staffToken } from '../support/gql';

const SERVE = path.join(__dirname, '..', '..', 'api', 'dist', 'cli', 'serve.js');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function startApi(): Promise<ChildProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [SERVE], {
    env: {
      ...process.env,
      DATABASE_URL: process.env.LC_TEST_DATABASE_URL,
      PORT: String(port),
      HOST: '127.0.0.1',
      MIGRATE_ON_START: 'false',
      LOG_LEVEL: 'warn',
      WEBHOOK_POLL_MS: '100',
      WEBHOOK_RETRY_BASE_MS: '200',
      WEBHOOK_LEASE_MS: '1500',
      WEBHOOK_TIMEOUT_MS: '30000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 200; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (r.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the API did not start');
}

async function until(what: () => boolean, ms = 30000): Promise<void> {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('webhooks across an API restart', () => {
  const children: ChildProcess[] = [];
  afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

  it('loses nothing when the API is killed between the change and the delivery', async () => {
    // a receiver that holds the first request forever (the API dies while waiting), then answers 200
    const received: { body: string; headers: http.IncomingHttpHeaders; answered: boolean }[] = [];
    let hold = true;
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const entry = { body, headers: req.headers, answered: false };
        received.push(entry);
        if (hold) {
          hold = false;
          return; // never answered
        }
        entry.answered = true;
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/hook`;

    const token = await staffToken('putuo_admin');
    const regions = await gql<any>(`{ regions(level: STREET) { id name } }`);
    const taopu = regions.regions.find((r: any) => r.name === '桃浦镇').id;
    const created = await gql<any>(
      `mutation($input: CreateWebhookInput!) { createWebhookSubscription(input: $input) { secret subscription { id } } }`,
      { input: { name: '重启测试', url, eventTypes: ['DEMAND_CREATED'], regionId: taopu } },
      token,
    );
    const { secret } = created.createWebhookSubscription;
    const street = await gql<any>(`query($id: ID!) { region(id: $id) { children { id } } }`, { id: taopu });
    const community = street.region.children[0].id;
    const raise = async (title: string) =>
      (
        await gql<any>(
          `mutation($input: CreateDemandInput!) { createDemand(input: $input) { id } }`,
          { input: { title, category: 'HEALTH', communityId: community, source: 'HOTLINE' } },
          await staffToken('taopu_admin'),
        )
      ).createDemand.id as string;

    // the change commits (the test's own API runs no worker)
    const first = await raise('重启前的需求');
    const a = await startApi();
    children.push(a);
    await until(() => received.length >= 1);
    a.kill('SIGKILL'); // mid-delivery: the receiver never answered
    await new Promise((r) => a.once('exit', r));

    const second = await raise('停机期间的需求');
    const b = await startApi();
    children.push(b);
    const okIds = () => received.filter((r) => r.answered).map((r) => JSON.parse(r.body).data.demandId);
    await until(() => okIds().includes(first) && okIds().includes(second));
    b.kill('SIGTERM');
    await new Promise((r) => b.once('exit', r));
    server.closeAllConnections();
    server.close();

    const answered = received.filter((r) => r.answered);
    // each event answered once, in order, every request signed
    expect(okIds().filter((id) => id === first || id === second)).toEqual([first, second]);
    for (const r of received) {
      expect(
        verifyWebhook(
          secret,
          {
            signature: r.headers['x-lc-signature'] as string,
            timestamp: r.headers['x-lc-timestamp'] as string,
          },
          r.body,
          600,
        ),
      ).toBe(true);
    }
    expect(new Set(answered.map((r) => JSON.parse(r.body).id)).size).toBe(answered.length);
  });
});
