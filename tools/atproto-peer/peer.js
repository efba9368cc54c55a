// Starts a real AT Protocol network (PLC, PDS, AppView, Ozone) on loopback for Vigie's Bluesky
// real-peer test. Needs DB_POSTGRES_URL; prints one line `READY {json}` with the URLs when up,
// and closes the network on SIGTERM/SIGINT or when its standard input closes.
'use strict';
const { TestNetwork } = require('@atproto/dev-env');

const base = Number(process.env.PEER_BASE_PORT || 2582);

async function main() {
  const network = await TestNetwork.create({
    dbPostgresSchema: process.env.DB_POSTGRES_SCHEMA || 'dev',
    pds: { port: base + 1, hostname: 'localhost', enableDidDocWithSession: true, rateLimitsEnabled: false },
    bsky: { dbPostgresSchema: 'bsky', port: base + 2, publicUrl: `http://localhost:${base + 2}` },
    plc: { port: base },
    ozone: { port: base + 5, chatUrl: `http://localhost:${base + 8}`, chatDid: 'did:example:chat',
      dbMaterializedViewRefreshIntervalMs: 30000 },
  });
  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    try { await network.close(); } finally { process.exit(0); }
  };
  process.on('SIGTERM', close);
  process.on('SIGINT', close);
  process.stdin.on('end', close);
  process.stdin.resume();
  console.log('READY ' + JSON.stringify({ pds: network.pds.url, appview: network.bsky.url, plc: network.plc.url }));
}

main().catch((err) => {
  console.error('peer failed to start:', err);
  process.exit(1);
});
