import { type Db, ledgerEntry, valuation } from '@highland/drizzle';
import { commands } from '@highland/server/data/ctx';
import { createInvestment } from '@highland/server/data/portfolio';
import { xirr } from '@highland/shared';
import { TRPCError } from '@trpc/server';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadFixture } from './access-cases.js';
import { harness, TEST_NOW } from './helpers/harness.js';

/** Row counts of every table a portfolio write touches: "nothing written" means these do not move. */
async function counts(db: Db) {
  const [r] = await db.all<Record<string, number>>(sql`SELECT
    (SELECT count(*) FROM investment) AS investments, (SELECT count(*) FROM investment_exit) AS exits,
    (SELECT count(*) FROM valuation) AS valuations, (SELECT count(*) FROM kpi_snapshot) AS kpis,
    (SELECT count(*) FROM nav_statement) AS navs, (SELECT count(*) FROM ledger_entry) AS ledger,
    (SELECT count(*) FROM audit_event) AS audit`);
  return r;
}

/** The field, rule and code of a refused call (or 'ok'). */
async function refusal(p: Promise<unknown>) {
  return p.then(
    () => 'ok',
    (e: unknown) => {
      if (!(e instanceof TRPCError)) return `threw ${String(e)}`;
      const cause = e.cause as { details?: { fields?: Array<{ path: string; rule: string }> }; issues?: Array<{ path: unknown[]; code: string }> } | undefined;
      const f = cause?.details?.fields?.[0];
      if (f) return `${e.code} ${f.path} ${f.rule}`;
      const z = cause?.issues?.[0];
      return z ? `${e.code} ${z.path.join('.')} ${z.code}` : `${e.code} ${e.message}`;
    },
  );
}

describe('bad input is refused with the field and the rule, and nothing is written', () => {
  it('each of the issue’s five cases', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const gp = await h.as('gp@demo.highland');
    const lp = await h.as('lp@demo.highland');
    const [first] = await h.db.all<{ date: string }>(
      sql`SELECT min(date) AS date FROM investment WHERE fund_id = ${fx.gpFundId} AND company_id = ${fx.gpCompanyId}`,
    );
    const before = await counts(h.db);
    const outcomes = {
      valuationBeforeInvestment: await refusal(
        gp.portfolio.addValuation({ fundId: fx.gpFundId, companyId: fx.gpCompanyId, date: '2019-12-31', valueFen: 1, method: 'dcf', basis: 'x' }),
      ),
      negativeNav: await refusal(gp.ledger.nav({ fundId: fx.gpFundId, date: '2026-09-30', navFen: -1, source: 'GP report' })),
      negativeMark: await refusal(
        gp.portfolio.addValuation({ fundId: fx.gpFundId, companyId: fx.gpCompanyId, date: '2026-09-30', valueFen: -5, method: 'dcf', basis: 'x' }),
      ),
      exitLargerThanHolding: await refusal(
        gp.portfolio.recordExit({ fundId: fx.gpFundId, companyId: fx.gpCompanyId, date: '2026-11-02', route: 'ma', shareSold: 0.9, proceedsFen: 1 }),
      ),
      kpiForFuturePeriod: await refusal(gp.portfolio.addKpi({ companyId: fx.gpCompanyId, period: '2026Q4', cumulative: true, revenueFen: 1 })),
      statementBeforeJoined: await refusal(lp.lp.statement({ quarter: '2019Q1' })),
    };
    expect({ outcomes, first: (first?.date ?? '') > '2019-12-31', unchanged: await counts(h.db) }).toEqual({
      outcomes: {
        valuationBeforeInvestment: 'BAD_REQUEST date beforeInvestment',
        negativeNav: 'BAD_REQUEST navFen too_small',
        negativeMark: 'BAD_REQUEST valueFen too_small',
        exitLargerThanHolding: 'BAD_REQUEST shareSold exceedsHolding',
        kpiForFuturePeriod: 'BAD_REQUEST period futurePeriod',
        statementBeforeJoined: 'BAD_REQUEST quarter beforeJoined',
      },
      first: true,
      unchanged: before,
    });
  });

  it('over HTTP the refusal is a 400 whose message names the field and the rule', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const cookie = await h.cookieFor('gp@demo.highland');
    const res = await h.http('portfolio.addValuation', {
      cookie,
      input: { fundId: fx.gpFundId, companyId: fx.gpCompanyId, date: '2019-12-31', valueFen: 1, method: 'dcf', basis: 'x' },
    });
    const body = (await res.json()) as { error: { message: string; data: { domain: { fields: Array<{ path: string; rule: string }> } } } };
    expect({ status: res.status, message: body.error.message.startsWith('date: must not be before'), field: body.error.data.domain.fields[0] }).toEqual({
      status: 400,
      message: true,
      field: { path: 'date', rule: 'beforeInvestment', message: body.error.message, params: expect.any(Object) },
    });
  });

  it('a KPI import with one bad row writes none of its rows and lists every problem', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const gp = await h.as('gp@demo.highland');
    const before = await counts(h.db);
    const e = await gp.portfolio
      .importKpis({
        rows: [
          { uscc: fx.gpCompanyUscc, period: '2025', cumulative: false, revenueFen: 100 },
          { uscc: '91310000MA1FL0000X', period: '2025', cumulative: false, revenueFen: 100 },
          { uscc: fx.gpCompanyUscc, period: '2027', cumulative: false, revenueFen: 100 },
        ],
      })
      .catch((x: TRPCError) => x);
    const fields = ((e as TRPCError).cause as { details?: { fields?: Array<{ path: string; rule: string }> } }).details?.fields ?? [];
    expect({ rules: fields.map((f) => `${f.path} ${f.rule}`), unchanged: await counts(h.db) }).toEqual({
      rules: ['rows.1.uscc unknownCompany', 'rows.2.period futurePeriod'],
      unchanged: before,
    });
  });
});

describe('investments and exits write their cash flows in the same transaction', () => {
  it('a round adds the investment and its ledger row carrying its id, and an audit event', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const gp = await h.as('gp@demo.highland');
    const before = await counts(h.db);
    const row = await gp.portfolio.createInvestment({
      fundId: fx.gpFundId,
      companyId: fx.gpCompanyId,
      date: '2026-11-02',
      round: 'c',
      instrument: 'preferred_equity',
      amountFen: 2_500_000_000,
      equityShare: 0.012,
      roundSizeFen: 10_000_000_000,
      coInvestors: ['远峰创投'],
    });
    const ledger = await h.db.select().from(ledgerEntry).where(eq(ledgerEntry.investmentId, row.id));
    const after = await counts(h.db);
    expect({
      ledger: ledger.map((l) => ({ kind: l.kind, amountFen: l.amountFen, date: l.date, fundId: l.fundId, companyId: l.companyId })),
      added: {
        investments: (after?.investments ?? 0) - (before?.investments ?? 0),
        ledger: (after?.ledger ?? 0) - (before?.ledger ?? 0),
        audit: (after?.audit ?? 0) - (before?.audit ?? 0),
      },
    }).toEqual({
      ledger: [{ kind: 'investment', amountFen: 2_500_000_000, date: '2026-11-02', fundId: fx.gpFundId, companyId: fx.gpCompanyId }],
      added: { investments: 1, ledger: 1, audit: 1 },
    });
  });

  it('createInvestment inside a caller’s transaction rolls back with it (the pipeline’s use)', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const before = await counts(h.db);
    const failed = await commands({ db: h.db, actor: null, now: () => TEST_NOW }, async (write) => {
      await createInvestment(write, {
        fundId: fx.gpFundId,
        companyId: fx.gpCompanyId,
        date: '2026-11-02',
        round: 'b',
        instrument: 'ordinary_equity',
        amountFen: 100,
        equityShare: 0.001,
        coInvestors: [],
      });
      throw new Error('the deal move failed after the investment');
    }).catch((e: Error) => e.message);
    expect({ failed, unchanged: await counts(h.db) }).toEqual({ failed: 'the deal move failed after the investment', unchanged: before });
  });

  it('an exit’s proceeds are split over the rounds held and sum exactly to the proceeds', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const gp = await h.as('gp@demo.highland');
    await gp.portfolio.createInvestment({
      fundId: fx.gpFundId,
      companyId: fx.gpCompanyId,
      date: '2026-11-01',
      round: 'd',
      instrument: 'preferred_equity',
      amountFen: 1_000_000_000,
      equityShare: 0.004,
      coInvestors: [],
    });
    const exit = await gp.portfolio.recordExit({
      fundId: fx.gpFundId,
      companyId: fx.gpCompanyId,
      date: '2026-11-03',
      route: 'secondary',
      shareSold: 0.005,
      proceedsFen: 777_777_777,
    });
    const rows = await h.db.all<{ amount_fen: number; investment_id: number }>(
      sql`SELECT amount_fen, investment_id FROM ledger_entry WHERE kind = 'proceeds' AND fund_id = ${fx.gpFundId} AND company_id = ${fx.gpCompanyId} AND date = '2026-11-03'`,
    );
    expect({ id: exit.id > 0, rounds: rows.length >= 2, total: rows.reduce((a, r) => a + r.amount_fen, 0) }).toEqual({
      id: true,
      rounds: true,
      total: 777_777_777,
    });
  });
});

describe('marks: dated, sourced, reviewed once, never overwritten', () => {
  it('a new mark waits for review by someone else; approved, it values the position', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const gp = await h.as('gp@demo.highland');
    const fof = await h.as('fof@demo.highland');
    const mark = await gp.portfolio.addValuation({
      fundId: fx.gpFundId,
      companyId: fx.gpCompanyId,
      date: '2026-10-31',
      valueFen: 12_345_600_000,
      method: 'dcf',
      basis: 'DCF',
    });
    const selfReview = await refusal(gp.portfolio.reviewValuation({ id: mark.id, decision: 'approved' }));
    const pendingValue = (await gp.portfolio.position({ fundId: fx.gpFundId, companyId: fx.gpCompanyId, asOf: '2026-11-01' })).state.valueFen;
    await fof.portfolio.reviewValuation({ id: mark.id, decision: 'approved' });
    const approved = await gp.portfolio.position({ fundId: fx.gpFundId, companyId: fx.gpCompanyId, asOf: '2026-11-01' });
    const again = await refusal(fof.portfolio.reviewValuation({ id: mark.id, decision: 'rejected', note: 'late' }));
    expect({ selfReview, pendingDiffers: pendingValue !== 12_345_600_000, value: approved.state.valueFen, mark: approved.state.mark?.date, again }).toEqual({
      selfReview: 'FORBIDDEN A mark is reviewed by someone other than the person who entered it.',
      pendingDiffers: true,
      value: 12_345_600_000,
      mark: '2026-10-31',
      again: expect.stringMatching(/^PRECONDITION_FAILED/),
    });
  });

  it('the database refuses to change a mark’s value or to delete it', async () => {
    const h = await harness();
    const [v] = await h.db.select().from(valuation).where(eq(valuation.status, 'approved')).limit(1);
    const update = await h.db.run(sql`UPDATE valuation SET value_fen = 1 WHERE id = ${v?.id}`).then(
      () => 'updated',
      (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ''}`,
    );
    const del = await h.db.run(sql`DELETE FROM valuation WHERE id = ${v?.id}`).then(
      () => 'deleted',
      (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ''}`,
    );
    const inv = await h.db.run(sql`UPDATE investment SET amount_fen = 1 WHERE id = (SELECT min(id) FROM investment)`).then(
      () => 'updated',
      (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ''}`,
    );
    expect([update.includes('never overwritten'), del.includes('append-only'), inv.includes('append-only')]).toEqual([true, true, true]);
  });

  it('figures as of a past date do not move when a later mark is entered', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const gov = await h.as('gov@demo.highland');
    const before = await gov.performance.fund({ fundId: fx.gpFundId, asOf: '2024-12-31' });
    const gp = await h.as('gp@demo.highland');
    const fof = await h.as('fof@demo.highland');
    const mark = await gp.portfolio.addValuation({
      fundId: fx.gpFundId,
      companyId: fx.gpCompanyId,
      date: '2026-10-31',
      valueFen: 1,
      method: 'market',
      basis: 'x',
    });
    await fof.portfolio.reviewValuation({ id: mark.id, decision: 'approved' });
    const after = await gov.performance.fund({ fundId: fx.gpFundId, asOf: '2024-12-31' });
    expect(after.summary).toEqual(before.summary);
  });
});

describe('fund figures recompute from the raw books', () => {
  it('NAV = cash + Σ holdings; TVPI and net IRR agree with the ledger read by hand', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const gov = await h.as('gov@demo.highland');
    const asOf = '2025-12-31';
    const p = await gov.performance.fund({ fundId: fx.gpFundId, asOf });
    const flows = await h.db.all<{ date: string; kind: string; amount: number }>(
      sql`SELECT date, kind, amount_fen AS amount FROM ledger_entry WHERE fund_id = ${fx.gpFundId} AND kind IN ('contribution', 'distribution') AND date <= ${asOf}`,
    );
    const paid = flows.filter((f) => f.kind === 'contribution').reduce((a, f) => a + f.amount, 0);
    const dist = flows.filter((f) => f.kind === 'distribution').reduce((a, f) => a + f.amount, 0);
    const irr = xirr([
      ...flows.map((f) => ({ date: f.date, amount: f.kind === 'contribution' ? -f.amount : f.amount })),
      { date: asOf, amount: p.summary.navFen },
    ]);
    const holdings = p.holdings.reduce((a, x) => a + x.valueFen, 0);
    expect({
      nav: p.summary.navFen,
      paid: p.summary.paidInFen,
      tvpi: p.summary.tvpi,
      irr: p.summary.irr,
    }).toEqual({ nav: p.summary.cashFen + holdings, paid, tvpi: (dist + p.summary.navFen) / paid, irr });
  });

  it('the mother fund’s look-through: every company once, its exposure the sum of its paths, overlaps shown', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const gov = await h.as('gov@demo.highland');
    const lt = await gov.performance.lookThrough({ fundId: fx.motherFundId, asOf: '2026-10-31' });
    const ids = lt.companies.map((c) => c.companyId);
    const worst = Math.max(...lt.companies.map((c) => Math.abs(c.valueFen - c.paths.reduce((a, x) => a + x.valueFen, 0))));
    const overlapping = lt.companies.filter((c) => c.overlap);
    expect({
      unique: new Set(ids).size === ids.length,
      many: ids.length > 300,
      pathsAddUp: worst <= overlapping.reduce((a, c) => Math.max(a, c.paths.length), 1),
      overlaps: overlapping.length > 10 && overlapping.every((c) => new Set(c.paths.map((x) => x.holderFundId)).size > 1),
      sectors: lt.bySector.reduce((a, s) => a + s.companies, 0) === ids.length,
    }).toEqual({ unique: true, many: true, pathsAddUp: true, overlaps: true, sectors: true });
  });
});

describe('the LP portal and its statement', () => {
  it('shows only the LP’s own amounts: no other investor’s commitment appears anywhere in it', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const lp = await h.as('lp@demo.highland');
    const portal = await lp.lp.portal({ asOf: '2026-10-31' });
    const statement = await lp.lp.statement({ quarter: '2026Q3' });
    const own = await h.db.all<{ amount: number }>(sql`SELECT amount_fen AS amount FROM commitment WHERE investor_id = ${fx.lpInvestorId}`);
    const others = await h.db.all<{ amount: number }>(
      sql`SELECT DISTINCT c.amount_fen AS amount FROM commitment c WHERE c.investor_id <> ${fx.lpInvestorId}
          AND c.fund_id IN (SELECT fund_id FROM commitment WHERE investor_id = ${fx.lpInvestorId})`,
    );
    const text = JSON.stringify([portal, statement]);
    const numbers = new Set((text.match(/-?\d+(\.\d+)?/g) ?? []).map(Number));
    const leaked = others.map((o) => o.amount).filter((a) => numbers.has(a) && !own.some((x) => x.amount === a));
    expect({ funds: portal.positions.length, committed: portal.totals?.committedFen, leaked }).toEqual({
      funds: 2,
      committed: own.reduce((a, x) => a + x.amount, 0),
      leaked: [],
    });
  });

  it('every column of the statement reconciles and the quarter ends at the portal’s NAV', async () => {
    const h = await harness();
    const lp = await h.as('lp@demo.highland');
    const s = await lp.lp.statement({ quarter: '2026Q3' });
    const portal = await lp.lp.portal({ asOf: '2026-09-30' });
    const cols = [s.total, ...s.funds].flatMap((r) => [r.qtd, r.ytd, r.itd]);
    const off = cols.filter((c) => c.beginningFen + c.contributionsFen - c.distributionsFen - c.feesFen + c.gainLossFen !== c.endingFen);
    expect({ off: off.length, ending: s.total.qtd.endingFen, ytdBegins: s.total.ytd.beginningFen === s.total.itd.beginningFen }).toEqual({
      off: 0,
      ending: portal.totals?.navFen,
      ytdBegins: false,
    });
  });

  it('the XLSX statement opens with exceljs and holds the same numbers, as numbers', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const h = await harness();
    const lp = await h.as('lp@demo.highland');
    const s = await lp.lp.statement({ quarter: '2026Q3' });
    const file = await lp.lp.statementXlsx({ quarter: '2026Q3' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const rowOf = (label: string) => {
      let found: number[] = [];
      ws?.eachRow((row) => {
        if (!found.length && String(row.getCell(1).value).startsWith(label)) found = [2, 3, 4].map((c) => row.getCell(c).value as number);
      });
      return found;
    };
    expect({ ending: rowOf('期末余额'), distributions: rowOf('分配 '), sheets: wb.worksheets.map((w) => w.name) }).toEqual({
      ending: [s.total.qtd.endingFen / 100, s.total.ytd.endingFen / 100, s.total.itd.endingFen / 100],
      distributions: [(0 - s.total.qtd.distributionsFen) / 100, (0 - s.total.ytd.distributionsFen) / 100, (0 - s.total.itd.distributionsFen) / 100],
      sheets: ['资本账户 Capital account', '现金流 Cash flows'],
    });
  });

  it('a statement for a quarter that has not ended is refused', async () => {
    const h = await harness();
    const lp = await h.as('lp@demo.highland');
    expect(await refusal(lp.lp.statement({ quarter: '2026Q4' }))).toBe('BAD_REQUEST quarter quarterNotEnded');
  });
});
