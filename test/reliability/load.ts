import { percentile, signIn, sql } from './server.js';

/** Who the clients sign in as: the managers of SF-01 (each may read and write its deals). */
export const LOAD_USERS = ['gp@demo.highland', 'sf01.team1@demo.highland', 'sf01.team2@demo.highland'];

export interface LoadResult {
  clients: number;
  seconds: number;
  requests: number;
  reads: number;
  writes: number;
  errors: number;
  errorSamples: string[];
  acknowledged: number;
  /** Acknowledged writes (answered 200) not found in the database afterwards. */
  lost: number;
  /** Writes found in the database that were never acknowledged (a request cut off at the deadline may land). */
  unacknowledgedFound: number;
  readP50: number;
  readP99: number;
  writeP50: number;
  writeP99: number;
  allP99: number;
  throughput: number;
}

/**
 * `clients` concurrent clients on loopback, each in a loop until `seconds` have passed: three reads
 * (`auth.me`, `deal.get` of a deal, `/healthz`) for each write (`deal.addNote` with a body unique to
 * the client and its sequence number). Every answer other than 200 is an error. Afterwards the
 * database is read on a connection of its own: every acknowledged note must be there.
 */
export async function runLoad(url: string, dbFile: string, opts: { clients: number; seconds: number; tag: string }): Promise<LoadResult> {
  const [row] = await sql<{ id: number }>(dbFile, `SELECT d.id FROM deal d JOIN fund f ON f.id = d.fund_id WHERE f.code = 'SF-01' ORDER BY d.id LIMIT 1`);
  const dealId = Number(row?.id);
  const cookies: string[] = [];
  for (const email of LOAD_USERS) cookies.push(await signIn(url, email));
  const readTimes: number[] = [];
  const writeTimes: number[] = [];
  const acknowledged: string[] = [];
  const sent: string[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  const started = Date.now();
  const deadline = started + opts.seconds * 1000;
  const dealInput = encodeURIComponent(JSON.stringify({ id: dealId }));
  const client = async (c: number) => {
    const cookie = cookies[c % cookies.length] as string;
    for (let seq = 0; Date.now() < deadline; seq++) {
      const kind = seq % 4;
      const t0 = performance.now();
      let res: Response;
      let body = '';
      try {
        if (kind === 3) {
          body = `${opts.tag} c${c} n${seq}`;
          sent.push(body);
          res = await fetch(`${url}/trpc/deal.addNote`, {
            method: 'POST',
            headers: { cookie, 'content-type': 'application/json' },
            body: JSON.stringify({ dealId, body }),
          });
        } else if (kind === 0) res = await fetch(`${url}/trpc/auth.me`, { headers: { cookie } });
        else if (kind === 1) res = await fetch(`${url}/trpc/deal.get?input=${dealInput}`, { headers: { cookie } });
        else res = await fetch(`${url}/healthz`);
        await res.arrayBuffer();
      } catch (e) {
        errors += 1;
        if (errorSamples.length < 5) errorSamples.push(String(e));
        continue;
      }
      const ms = performance.now() - t0;
      if (res.status !== 200) {
        errors += 1;
        if (errorSamples.length < 5) errorSamples.push(`${kind === 3 ? 'addNote' : 'read'} ${res.status}`);
        continue;
      }
      if (kind === 3) {
        writeTimes.push(ms);
        acknowledged.push(body);
      } else readTimes.push(ms);
    }
  };
  await Promise.all(Array.from({ length: opts.clients }, (_, c) => client(c)));
  const elapsed = (Date.now() - started) / 1000;
  const stored = new Set(
    (await sql<{ body: string }>(dbFile, 'SELECT body FROM deal_note WHERE deal_id = ? AND body LIKE ?', [dealId, `${opts.tag} %`])).map((r) => r.body),
  );
  const acked = new Set(acknowledged);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    clients: opts.clients,
    seconds: round(elapsed),
    requests: readTimes.length + writeTimes.length + errors,
    reads: readTimes.length,
    writes: writeTimes.length,
    errors,
    errorSamples,
    acknowledged: acknowledged.length,
    lost: acknowledged.filter((b) => !stored.has(b)).length,
    unacknowledgedFound: [...stored].filter((b) => !acked.has(b)).length,
    readP50: round(percentile(readTimes, 50)),
    readP99: round(percentile(readTimes, 99)),
    writeP50: round(percentile(writeTimes, 50)),
    writeP99: round(percentile(writeTimes, 99)),
    allP99: round(percentile([...readTimes, ...writeTimes], 99)),
    throughput: Math.round((readTimes.length + writeTimes.length) / elapsed),
  };
}
