// A test receiver on loopback: answers 500 to the first `failFirst` requests, then 200, and keeps
// every request (headers and raw body).
import http from 'node:http';

export interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  answered: number;
}

export async function startReceiver(
  failFirst = 3,
): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  let count = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      count += 1;
      const answered = count <= failFirst ? 500 : 200;
      received.push({ headers: req.headers, body, answered });
      res.writeHead(answered, { 'content-type': 'text/plain' }).end(answered === 200 ? 'ok' : 'try again');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
