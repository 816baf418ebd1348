import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { copyBase, runDir, seededBase } from '../fixtures/databases.js';
import { importCsv, importMapping, type Proc, signIn, spawnServer, sql } from './server.js';

/**
 * Crash safety, proven (issue 15 item 4): the built server, on a copy of the demo database, is sent a
 * large deal import over HTTP and SIGKILLed at varied points — after the n-th progress line of the
 * streamed answer, after a fixed delay, or right after the result. It is restarted on the very file (and
 * write-ahead log) it left, and then: `PRAGMA integrity_check` is ok; the import is wholly present (every
 * company, deal, first stage event and note, and exactly one `deal.import` audit event naming them all) or
 * wholly absent (none of them, and no event); an import whose result reached the client is present; and
 * across all rounds the deals the audit trail says were imported are exactly the deals in the books.
 * A kill counts as mid-write when the last line received was a write-phase progress line short of its
 * total; at least one such import must come back absent — the rollback of a half-written import.
 */
const ROWS = Number(process.env.CRASH_ROWS ?? 20_000);

type KillAt = { after: 'progress'; n: number } | { after: 'delay'; ms: number } | { after: 'result' };
const KILLS: KillAt[] = [
  { after: 'progress', n: 4 },
  { after: 'delay', ms: 250 },
  { after: 'progress', n: 6 },
  { after: 'delay', ms: 1500 },
  { after: 'progress', n: 9 },
  { after: 'delay', ms: 4000 },
  { after: 'progress', n: 12 },
  { after: 'result' },
];

interface Counts {
  deals: number;
  companies: number;
  events: number;
  notes: number;
  imports: number;
  importedDeals: number;
}

const dir = runDir('crash');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function counts(db: string, fundId: number): Promise<Counts> {
  const [row] = await sql<Counts>(
    db,
    `SELECT (SELECT count(*) FROM deal WHERE fund_id = ?1) AS deals,
            (SELECT count(*) FROM company WHERE name_en LIKE 'Shanghai Crash %') AS companies,
            (SELECT count(*) FROM deal_stage_event e JOIN deal d ON d.id = e.deal_id WHERE d.fund_id = ?1 AND e.kind = 'import') AS events,
            (SELECT count(*) FROM deal_note n JOIN deal d ON d.id = n.deal_id WHERE d.fund_id = ?1) AS notes,
            (SELECT count(*) FROM audit_event WHERE action = 'deal.import' AND entity_id = ?2) AS imports,
            (SELECT coalesce(sum(json_extract(after, '$.dealsCreated')), 0) FROM audit_event WHERE action = 'deal.import' AND entity_id = ?2) AS importedDeals`,
    [fundId, String(fundId)],
  );
  return Object.fromEntries(Object.entries(row as Counts).map(([k, v]) => [k, Number(v)])) as unknown as Counts;
}

interface Attempt {
  lines: Array<{ type: string; phase?: string; done?: number; total?: number }>;
  killedAfterMs: number;
}

/** Posts the file and SIGKILLs the server at `at`; returns every line received before the kill. */
async function importAndKill(server: Proc, cookie: string, fundId: number, body: Uint8Array<ArrayBuffer>, at: KillAt): Promise<Attempt> {
  const lines: Attempt['lines'] = [];
  const started = Date.now();
  let killing: Promise<void> | undefined;
  const kill = () => {
    killing ??= server.kill();
    return killing;
  };
  const timer = at.after === 'delay' ? setTimeout(kill, at.ms) : undefined;
  try {
    const res = await fetch(`${server.url}/api/import/deals?mode=commit&fundId=${fundId}&mapping=${encodeURIComponent(importMapping())}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/csv', 'x-highland-import': '1', 'x-file-name': 'crash.csv' },
      body,
    });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let progress = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let nl = buffer.indexOf('\n');
      while (nl >= 0) {
        const line = JSON.parse(buffer.slice(0, nl)) as Attempt['lines'][number];
        buffer = buffer.slice(nl + 1);
        if (!killing) lines.push(line);
        if (line.type === 'progress') progress += 1;
        if (!killing && at.after === 'progress' && progress >= at.n) void kill();
        if (!killing && line.type !== 'progress') void kill();
        nl = buffer.indexOf('\n');
      }
    }
  } catch {
    // the connection dies with the server
  }
  clearTimeout(timer);
  const killedAfterMs = Date.now() - started;
  await kill();
  return { lines, killedAfterMs };
}

describe('SIGKILL during a long write', () => {
  it(`a ${ROWS.toLocaleString('en')}-row deal import is wholly present or wholly absent after each kill`, async () => {
    const db = copyBase(await seededBase('demo'), dir, 'highland.db');
    const [fund] = await sql<{ id: number }>(db, `SELECT id FROM fund WHERE code = 'SF-01'`);
    const fundId = Number(fund?.id);
    const base = await counts(db, fundId);
    let server = await spawnServer(db);
    onTestFinished(() => server.kill());
    const report: Array<Record<string, unknown>> = [];
    let imported = 0;
    for (const [i, at] of KILLS.entries()) {
      const cookie = await signIn(server.url, 'gp@demo.highland');
      const before = await counts(db, fundId);
      const { lines, killedAfterMs } = await importAndKill(server, cookie, fundId, importCsv(i, ROWS), at);
      server = await spawnServer(db);
      const integrity = await sql<{ integrity_check: string }>(db, 'PRAGMA integrity_check');
      const after = await counts(db, fundId);
      const last = lines.at(-1);
      const acknowledged = lines.some((l) => l.type === 'result');
      const midWrite = !acknowledged && last?.type === 'progress' && last.phase === 'write' && (last.done ?? 0) < (last.total ?? 0);
      const present = after.deals > before.deals;
      if (present) imported += 1;
      report.push({ kill: at, killedAfterMs, lines: lines.length, lastLine: last, acknowledged, midWrite, present });
      console.log(`crash round ${i + 1}: ${JSON.stringify(report.at(-1))}`);
      expect(integrity.map((r) => r.integrity_check)).toEqual(['ok']);
      expect(lines.find((l) => l.type === 'error')).toBeUndefined();
      // Wholly present or wholly absent, the audit event with it.
      const n = present ? ROWS : 0;
      expect({
        deals: after.deals - before.deals,
        companies: after.companies - before.companies,
        events: after.events - before.events,
        notes: after.notes - before.notes,
        imports: after.imports - before.imports,
        importedDeals: after.importedDeals - before.importedDeals,
      }).toEqual({ deals: n, companies: n, events: n, notes: n, imports: present ? 1 : 0, importedDeals: n });
      // An acknowledged write survives the kill.
      if (acknowledged) expect(present).toBe(true);
    }
    const end = await counts(db, fundId);
    // The audit trail matches the books: the deals imports say they created are the deals added.
    expect(end.importedDeals - base.importedDeals).toBe(end.deals - base.deals);
    expect(end.deals - base.deals).toBe(imported * ROWS);
    await server.stop();
    const midWrite = report.filter((r) => r.midWrite);
    const rolledBack = midWrite.filter((r) => !r.present);
    console.log(
      `crash: ${KILLS.length} kills injected, ${midWrite.length} mid-write, ${rolledBack.length} half-written imports rolled back, ${imported} imports present\n${report.map((r) => JSON.stringify(r)).join('\n')}`,
    );
    expect(rolledBack.length).toBeGreaterThanOrEqual(1);
    expect(report.some((r) => r.present)).toBe(true);
  });
});

describe('SIGKILL during a stream of statement issues', () => {
  it('every issue that exists has its audit event and every acknowledged issue survives', async () => {
    const db = copyBase(await seededBase('demo'), dir, 'statements.db');
    const [fund] = await sql<{ id: number }>(db, `SELECT id FROM fund WHERE code = 'SF-01'`);
    const fundId = Number(fund?.id);
    const quarters = ['2021', '2022', '2023', '2024', '2025'].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}Q${q}`)).filter((q) => q < '2025Q4');
    let server = await spawnServer(db);
    onTestFinished(() => server.kill());
    const acknowledged: string[] = [];
    let kills = 0;
    let rest = [...quarters];
    for (const delay of [150, 600, 1200, 2500]) {
      const cookie = await signIn(server.url, 'gp@demo.highland');
      const current = server;
      const timer = setTimeout(() => void current.kill(), delay);
      const sent: string[] = [];
      for (const quarter of rest) {
        sent.push(quarter);
        try {
          const res = await fetch(`${current.url}/trpc/ledger.issueStatements`, {
            method: 'POST',
            headers: { cookie, 'content-type': 'application/json' },
            body: JSON.stringify({ fundId, quarter }),
          });
          await res.arrayBuffer();
          if (res.status === 200) acknowledged.push(quarter);
        } catch {
          break; // killed
        }
      }
      clearTimeout(timer);
      await current.kill();
      kills += 1;
      rest = rest.filter((q) => !acknowledged.includes(q));
      server = await spawnServer(db);
      expect((await sql<{ integrity_check: string }>(db, 'PRAGMA integrity_check')).map((r) => r.integrity_check)).toEqual(['ok']);
    }
    const inList = quarters.map((q) => `'${q}'`).join(', ');
    const issues = await sql<{ id: number; quarter: string }>(db, `SELECT id, quarter FROM statement_issue WHERE fund_id = ? AND quarter IN (${inList})`, [
      fundId,
    ]);
    const events = await sql<{ issueId: number; quarter: string }>(
      db,
      `SELECT json_extract(after, '$.issueId') AS issueId, json_extract(after, '$.quarter') AS quarter FROM audit_event
       WHERE action IN ('statement.issue', 'statement.restate') AND entity_id = ? AND json_extract(after, '$.quarter') IN (${inList})`,
      [String(fundId)],
    );
    await server.stop();
    console.log(`statements: ${kills} kills, ${acknowledged.length} issues acknowledged, ${issues.length} in the books, ${events.length} audit events`);
    // The audit trail matches the books: one event per issue, naming it; nothing acknowledged is missing.
    const key = (r: { issueId?: number; id?: number; quarter: string }) => `${Number(r.issueId ?? r.id)} ${r.quarter}`;
    expect(events.map(key).sort()).toEqual(issues.map(key).sort());
    expect(acknowledged.filter((q) => !issues.some((i) => i.quarter === q))).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(0);
  });
});
