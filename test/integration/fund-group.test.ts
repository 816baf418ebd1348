import { commitment, fund, investor, ledgerEntry } from '@highland/drizzle';
import { TRPCError } from '@trpc/server';
import { count, desc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { ZodError } from 'zod';
import { describe, expect, it } from 'vitest';
import { auditEvent } from '@highland/drizzle';
import { NEW_FUND } from './access-cases.js';
import { type Harness, harness } from './helpers/harness.js';
import { auditCount } from './helpers/sessions.js';

async function ids(h: Harness) {
  const byCode = async (code: string) => {
    const f = (await h.db.select().from(fund).where(eq(fund.code, code)))[0];
    if (!f) throw new Error(`no ${code}`);
    return f;
  };
  const inv = async (nameZh: string) => (await h.db.select().from(investor).where(eq(investor.nameZh, nameZh)))[0]?.id ?? -1;
  return {
    sf01: await byCode('SF-01'),
    sf12: await byCode('SF-12'),
    lp: await inv('申江证券投资有限公司'),
    pudongFiscal: await inv('浦东新区产业引导基金'),
    mother: await inv('上海人工智能产业投资基金'),
  };
}

/** What a refusal says: its code, the field and rule it names, whether the message names the rule, and that nothing was written. */
async function refusal(h: Harness, call: () => Promise<unknown>) {
  const before = {
    audit: await auditCount(h.db),
    ledger: (await h.db.select({ n: count() }).from(ledgerEntry))[0]?.n,
    commitments: (await h.db.select({ n: count() }).from(commitment))[0]?.n,
  };
  const e = await call().then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof TRPCError)) throw new Error(`expected a refusal, got ${String(e)}`);
  const cause = e.cause;
  const zod = cause instanceof ZodError ? cause.issues[0] : undefined;
  const field = zod
    ? { path: zod.path.join('.'), rule: zod.code === 'custom' ? String((zod as { params?: { rule?: string } }).params?.rule) : zod.code }
    : (cause as { details?: { fields?: Array<{ path: string; rule: string }> } } | undefined)?.details?.fields?.[0];
  const after = {
    audit: await auditCount(h.db),
    ledger: (await h.db.select({ n: count() }).from(ledgerEntry))[0]?.n,
    commitments: (await h.db.select({ n: count() }).from(commitment))[0]?.n,
  };
  return {
    code: e.code,
    path: field?.path,
    rule: field?.rule,
    messageNamesRule: field ? e.message.includes(field.rule) : false,
    nothingWritten: JSON.stringify(before) === JSON.stringify(after),
  };
}

describe('bad input is refused with the rule named, and nothing is written', () => {
  type Gp = Awaited<ReturnType<Harness['as']>>;
  type Step = (gp: Gp, x: Awaited<ReturnType<typeof ids>>, h: Harness) => Promise<unknown>;
  const firstFee = async (h: Harness, fundId: number) =>
    (await h.db.all<{ id: number }>(sql`SELECT id FROM ledger_entry WHERE fund_id = ${fundId} AND kind = 'fee' ORDER BY id LIMIT 1`))[0]?.id ?? 0;
  const cases: Array<[string, Step, { path: string; rule: string; code?: string }, Step?]> = [
    [
      'a commitment past the fund’s target without a close',
      async (gp, x) => gp.ledger.commit({ fundId: x.sf01.id, date: '2026-10-30', isClose: false, lines: [{ investorId: x.lp, amountFen: 2_000_000_000_000 }] }),
      { path: 'lines', rule: 'targetExceeded' },
    ],
    [
      'a commitment past the government-share cap',
      async (gp, x) =>
        gp.ledger.commit({ fundId: x.sf01.id, date: '2026-10-30', isClose: true, lines: [{ investorId: x.pudongFiscal, amountFen: 1_000_000_000_000 }] }),
      { path: 'lines', rule: 'govShareCap' },
    ],
    [
      'an override reason where the fund’s rule allows none',
      async (gp, x) =>
        gp.ledger.commit({
          fundId: x.sf01.id,
          date: '2026-10-30',
          isClose: true,
          lines: [{ investorId: x.pudongFiscal, amountFen: 1_000_000_000_000 }],
          overrideReason: '区里要求',
        }),
      { path: 'overrideReason', rule: 'govShareOverrideNotAllowed' },
    ],
    [
      'a call above an LP’s uncalled commitment',
      async (gp, x) => gp.ledger.capitalCall({ fundId: x.sf01.id, noticeDate: '2026-11-01', dueDate: '2026-11-16', totalFen: 1_000_000_000_000 }),
      { path: 'totalFen', rule: 'exceedsUncalled' },
    ],
    [
      'a call dated before the fund’s inception',
      async (gp, x) => gp.ledger.capitalCall({ fundId: x.sf01.id, noticeDate: '2018-01-02', dueDate: '2018-01-17', totalFen: 100 }),
      { path: 'noticeDate', rule: 'beforeInception' },
    ],
    [
      'a commitment dated before the fund’s inception',
      async (gp, x) => gp.ledger.commit({ fundId: x.sf01.id, date: '2018-01-02', isClose: true, lines: [{ investorId: x.lp, amountFen: 100 }] }),
      { path: 'date', rule: 'beforeInception' },
    ],
    [
      'a zero amount',
      async (gp, x) => gp.ledger.capitalCall({ fundId: x.sf01.id, noticeDate: '2026-11-01', dueDate: '2026-11-16', totalFen: 0 }),
      { path: 'totalFen', rule: 'positive' },
    ],
    [
      'a negative amount',
      async (gp, x) => gp.ledger.distribute({ fundId: x.sf01.id, date: '2026-10-31', totalFen: -500 }),
      { path: 'totalFen', rule: 'too_small' },
    ],
    [
      'a distribution to an investor who is not in the fund',
      async (gp, x) => gp.ledger.distribute({ fundId: x.sf01.id, date: '2026-10-31', lines: [{ investorId: x.pudongFiscal + 1000, amountFen: 100 }] }),
      { path: 'lines.0.investorId', rule: 'notAnInvestor' },
    ],
    [
      'a reversal of an entry twice',
      async (gp, x, h) => gp.ledger.reverse({ entryId: await firstFee(h, x.sf01.id), reason: '再次冲销' }),
      { path: 'entryId', rule: 'alreadyReversed' },
      async (gp, x, h) => gp.ledger.reverse({ entryId: await firstFee(h, x.sf01.id), reason: '重复计提' }),
    ],
    [
      'a payment above what the LP owes on the call',
      async (gp, x, h) => {
        const [part] = await h.db.all<{ call_id: number; investor_id: number }>(
          sql`SELECT call_id, investor_id FROM ledger_entry WHERE fund_id = ${x.sf01.id} AND kind = 'call' ORDER BY id LIMIT 1`,
        );
        return gp.ledger.contribute({ callId: part?.call_id ?? 0, date: '2026-10-31', lines: [{ investorId: part?.investor_id ?? 0, amountFen: 1 }] });
      },
      { path: 'lines.0.amountFen', rule: 'exceedsOutstanding' },
    ],
  ];
  for (const [name, run, expected, setup] of cases) {
    it(name, async () => {
      const h = await harness();
      const x = await ids(h);
      const gp = await h.as('gp@demo.highland');
      await setup?.(gp, x, h);
      const r = await refusal(h, () => run(gp, x, h));
      expect(r).toEqual({ code: expected.code ?? 'BAD_REQUEST', path: expected.path, rule: expected.rule, messageNamesRule: true, nothingWritten: true });
    });
  }
});

describe('commitments and the government-share cap', () => {
  it('a commitment over the cap is accepted, flagged as an override and audited, where the fund’s rule allows it', async () => {
    const h = await harness();
    const x = await ids(h);
    await h.db.update(fund).set({ govShareOverrideAllowed: true }).where(eq(fund.id, x.sf01.id));
    const gp = await h.as('gp@demo.highland');
    const r = await gp.ledger.commit({
      fundId: x.sf01.id,
      date: '2026-10-30',
      isClose: true,
      lines: [{ investorId: x.pudongFiscal, amountFen: 1_000_000_000_000 }],
      overrideReason: '区财政追加出资',
    });
    const row = (await h.db.select().from(commitment).orderBy(desc(commitment.id)).limit(1))[0];
    const events = await h.db.select({ action: auditEvent.action }).from(auditEvent).orderBy(desc(auditEvent.id)).limit(2);
    expect({ override: r.override, over: (r.govShareAfter ?? 0) > 0.3, reason: row?.overrideReason, actions: events.map((e) => e.action).sort() }).toEqual({
      override: true,
      over: true,
      reason: '区财政追加出资',
      actions: ['commitment.close', 'commitment.override'],
    });
  });

  it('a fund’s size as of a date is the sum of its commitments, never stored', async () => {
    const h = await harness();
    const x = await ids(h);
    const gov = await h.as('gov@demo.highland');
    const [sum] = await h.db.all<{ s: number }>(sql`SELECT SUM(amount_fen) AS s FROM commitment WHERE fund_id = ${x.sf12.id} AND date <= '2025-12-31'`);
    const o = await gov.group.overview({ asOf: '2025-12-31' });
    expect(o.funds.find((f) => f.code === 'SF-12')?.committedFen).toBe(sum?.s);
  });
});

describe('capital calls and LP positions', () => {
  it('a call is split pro rata to the fen and each LP’s called, uncalled, contributed and distributed follow as of a date', async () => {
    const h = await harness();
    const x = await ids(h);
    const gp = await h.as('gp@demo.highland');
    const before = await gp.fund.detail({ id: x.sf01.id, asOf: '2026-11-20' });
    const call = await gp.ledger.capitalCall({ fundId: x.sf01.id, noticeDate: '2026-11-01', dueDate: '2026-11-16', totalFen: 123_456_789_01 });
    const after = await gp.fund.detail({ id: x.sf01.id, asOf: '2026-11-20' });
    const atNotice = await gp.fund.detail({ id: x.sf01.id, asOf: '2026-11-10' });
    const lpBefore = before.positions.find((p) => p.investorId === x.lp);
    const lpAfter = after.positions.find((p) => p.investorId === x.lp);
    const lpPart = call.parts.find((p) => p.investorId === x.lp)?.amountFen ?? 0;
    expect({
      sum: call.parts.reduce((a, p) => a + p.amountFen, 0),
      calledDelta: after.totals.calledFen - before.totals.calledFen,
      lpCalled: (lpAfter?.calledFen ?? 0) - (lpBefore?.calledFen ?? 0),
      lpUncalled: (lpBefore?.uncalledFen ?? 0) - (lpAfter?.uncalledFen ?? 0),
      lpOutstanding: (lpAfter?.outstandingFen ?? 0) - (lpBefore?.outstandingFen ?? 0),
      notYetDue: atNotice.totals.calledFen === before.totals.calledFen,
    }).toEqual({ sum: 123_456_789_01, calledDelta: 123_456_789_01, lpCalled: lpPart, lpUncalled: lpPart, lpOutstanding: lpPart, notYetDue: true });
  });
});

describe('funds are created and edited by the mother fund’s managers and administrators', () => {
  const base = NEW_FUND;
  const cases: Array<[string, (h: Harness) => Promise<unknown>, unknown]> = [
    [
      'a new sub-fund appears on the overview in its batch once decided',
      async (h) => {
        await (await h.as('fof@demo.highland')).fund.create(base);
        const o = await (await h.as('gov@demo.highland')).group.overview({ asOf: '2026-10-31' });
        return { batch: o.funds.find((f) => f.code === 'SF-26')?.batch, batches: o.batches.map((b) => b.batch) };
      },
      { batch: 4, batches: [1, 2, 3, 4] },
    ],
    [
      'set up before it was decided: refused on the field',
      async (h) =>
        (await h.as('fof@demo.highland')).fund
          .create({ ...base, establishedDate: '2026-08-01' })
          .catch((e: TRPCError) => (e.cause as { issues?: Array<{ path: string[] }> }).issues?.[0]?.path),
      ['establishedDate'],
    ],
    [
      'a code taken already: a conflict',
      async (h) => (await h.as('admin@demo.highland')).fund.create({ ...base, code: 'SF-01' }).catch((e: TRPCError) => e.code),
      'CONFLICT',
    ],
    [
      'a set-up date moved after the fund’s first flows: refused',
      async (h) => {
        const x = await ids(h);
        return (await h.as('fof@demo.highland')).fund
          .update({ id: x.sf01.id, establishedDate: '2025-01-01' })
          .catch((e: TRPCError) => (e.cause as { details?: { fields?: Array<{ rule: string }> } }).details?.fields?.[0]?.rule);
      },
      'afterFirstFlow',
    ],
  ];
  for (const [name, run, expected] of cases) {
    it(name, async () => {
      const h = await harness();
      expect(await run(h)).toEqual(expected);
    });
  }
});

describe('the XLSX export', () => {
  it('holds the overview’s figures as numbers, with units in the headers', async () => {
    const h = await harness();
    const gov = await h.as('gov@demo.highland');
    const o = await gov.group.overview({ asOf: '2024-12-31' });
    const file = await gov.group.exportOverview({ asOf: '2024-12-31', locale: 'zh-CN' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('子基金');
    if (!ws) throw new Error('no sub-fund sheet');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const rows = ws
      .getSheetValues()
      .slice(2)
      .map((r) => (r as unknown[]).slice(1));
    const col = (name: string) => header.findIndex((x) => String(x).startsWith(name));
    const sf12 = rows.find((r) => r[col('代码')] === 'SF-12') ?? [];
    const page = o.funds.find((f) => f.code === 'SF-12');
    expect({
      file: file.filename,
      units: header.filter((x) => String(x).endsWith('（亿元）')).length,
      count: rows.length,
      size: sf12[col('认缴规模')],
      share: sf12[col('政府出资占比')],
      leverage: sf12[col('放大倍数（认缴）')],
    }).toEqual({
      file: '基金群总览-2024-12-31.xlsx',
      units: 3,
      count: o.funds.length,
      size: (page?.committedFen ?? 0) / 10_000_000_000,
      share: page?.govShare,
      leverage: page?.leverage.committed.ratio,
    });
  });
});
