// Starts a real AT Protocol network (PLC, PDS, AppView, Ozone) on loopback for Vigie's Bluesky
// real-peer test. Needs DB_POSTGRES_URL; prints one line `READY {json}` with the URLs when up,
// and closes the network on SIGTERM/SIGINT or when its standard input closes.
// Ports: PEER_PLC_PORT, PEER_PDS_PORT, PEER_APPVIEW_PORT, PEER_OZONE_PORT and PEER_CHAT_PORT (a URL
// Ozone is given, nothing listens there); each missing one is PEER_BASE_PORT (2582) plus 0, 1, 2, 5, 8.
// The services' internal ports (data plane, bsync, the set-up PDS) are picked free by dev-env itself.
'use strict';
const { TestNetwork } = require('@atproto/dev-env');

const base = Number(process.env.PEER_BASE_PORT || 2582);
const port = (name, offset) => Number(process.env[name] || base + offset);
const ports = {
  plc: port('PEER_PLC_PORT', 0),
  pds: port('PEER_PDS_PORT', 1),
  appview: port('PEER_APPVIEW_PORT', 2),
  ozone: port('PEER_OZONE_PORT', 5),
  chat: port('PEER_CHAT_PORT', 8),
};
// network.close() waits for open connections to end; a stuck one must not keep the ports past this.
const CLOSE_TIMEOUT_MS = 10000;

let network;
let closing = false;
const close = async () => {
  if (closing) return;
  closing = true;
  setTimeout(() => process.exit(1), CLOSE_TIMEOUT_MS).unref();
  try { if (network) await network.close(); } finally { process.exit(0); }
};
// Listening before the network is up: a peer told to stop while it starts exits instead of serving.
process.on('SIGTERM', close);
process.on('SIGINT', close);
process.stdin.on('end', close);
process.stdin.resume();

async function main() {
  network = await TestNetwork.create({
    dbPostgresSchema: process.env.DB_POSTGRES_SCHEMA || 'dev',
    pds: { port: ports.pds, hostname: 'localhost', enableDidDocWithSession: true, rateLimitsEnabled: false },
    bsky: { dbPostgresSchema: 'bsky', port: ports.appview, publicUrl: `http://localhost:${ports.appview}` },
    plc: { port: ports.plc },
    ozone: { port: ports.ozone, chatUrl: `http://localhost:${ports.chat}`, chatDid: 'did:example:chat',
      dbMaterializedViewRefreshIntervalMs: 30000 },
  });
  if (closing) return;
  console.log('READY ' + JSON.stringify({ pds: network.pds.url, appview: network.bsky.url, plc: network.plc.url }));
}

main().catch((err) => {
  console.error('peer failed to start:', err);
  process.exit(1);
});
