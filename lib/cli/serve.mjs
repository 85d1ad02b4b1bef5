// The HTTP server `npm start` runs in place of `next start`: Next.js's own request handler behind node:http, so
// that every request carries the connection's real peer address in X-Orderdesk-Peer. Any copy the client sent
// is removed first, so the header cannot be forged through this server.
import { createServer } from "node:http";
import next from "next";
import { env } from "../env.mjs";

const PEER_HEADER = "x-orderdesk-peer";

const app = next({ dev: false, dir: process.cwd(), port: env.port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  delete req.headers[PEER_HEADER];
  const peer = req.socket.remoteAddress;
  if (peer) req.headers[PEER_HEADER] = peer;
  handle(req, res).catch((err) => {
    console.error(err);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.listen(env.port, () => console.log(`Listening on port ${env.port}`));

const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
