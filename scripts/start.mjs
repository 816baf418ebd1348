// `pnpm start`: build what is stale, then run the app (embedded database, migrations, demo data,
// web and API on one port). Settings: see the README's configuration table.
import { buildIfStale } from './lib.mjs';

const ms = buildIfStale();
console.log(`Build up to date (${(ms / 1000).toFixed(1)} s). Starting Highland…`);
await import('../server/dist/index.js');
