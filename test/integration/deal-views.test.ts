import { company, deal } from '@highland/drizzle';
import type { DealSort } from '@highland/shared';
import ExcelJS from 'exceljs';
import { and, count, eq, sql, sum } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { harness } from './helpers/harness.js';
import { dealIn, fundId, refusal } from './helpers/pipeline.js';

describe('the deal table: keyset pagination', () => {
  const sorts: DealSort[] = [
    { field: 'updatedAt', dir: 'desc' },
    { field: 'amountFen', dir: 'desc' },
    { field: 'amountFen', dir: 'asc' },
    { field: 'score', dir: 'desc' },
    { field: 'nextStepDate', dir: 'asc' },
    { field: 'companyName', dir: 'asc' },
  ];
  for (const sort of sorts)
    it(`pages of 37 by ${sort.field} ${sort.dir} cover every deal once, in order`, async () => {
      const h = await harness();
      const gov = await h.as('gov@demo.highland');
      const sf01 = await fundId(h.db, 'SF-01');
      const filter = { pipeline: 'direct' as const, fundIds: [sf01] };
      const seen: Array<{ id: number; v: unknown }> = [];
      let cursor = null;
      for (let i = 0; i < 100; i++) {
        const page: Awaited<ReturnType<typeof gov.deal.list>> = await gov.deal.list({ filter, sort, cursor, limit: 37 });
        const key = sort.field === 'companyName' ? 'companyNameZh' : sort.field;
        for (const r of page.items) seen.push({ id: r.id, v: (r as Record<string, unknown>)[key] });
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      const total = (await h.db.select({ n: count() }).from(deal).where(eq(deal.fundId, sf01)))[0]?.n;
      // The same order computed independently: NULL lowest, ties by id in the sort's direction.
      const sign = sort.dir === 'desc' ? -1 : 1;
      const expected = [...seen].sort((a, b) => {
        if (a.v === b.v) return sign * (a.id - b.id);
        if (a.v === null) return -sign;
        if (b.v === null) return sign;
        return sign * ((a.v as string | number) < (b.v as string | number) ? -1 : 1);
      });
      expect({
        n: seen.length,
        unique: new Set(seen.map((s) => s.id)).size,
        ordered: seen.map((s) => s.id).join() === expected.map((s) => s.id).join(),
      }).toEqual({
        n: total,
        unique: total,
        ordered: true,
      });
    });
});

describe('the deal table: filters and search', () => {
  it('filters by stage, sector and score agree with SQL, and the count matches', async () => {
    const h = await harness();
    const gov = await h.as('gov@demo.highland');
    const filter = { pipeline: 'direct' as const, stages: ['passed' as const], sectors: ['ai_chips' as const], scoreMin: 3 };
    const listed = await gov.deal.list({ filter, limit: 500 });
    const counted = await gov.deal.count({ filter });
    const [sqlCount] = await h.db
      .select({ n: count(), amount: sum(deal.amountFen).mapWith(Number) })
      .from(deal)
      .innerJoin(company, eq(company.id, deal.companyId))
      .where(and(eq(deal.stage, 'passed'), eq(company.sector, 'ai_chips'), sql`${deal.score} >= 3`));
    expect({ listed: listed.items.length, counted }).toEqual({ listed: sqlCount?.n, counted: { count: sqlCount?.n, amountFen: sqlCount?.amount } });
  });

  it('full-text search finds a deal by a word in its notes and by two characters of its company', async () => {
    const h = await harness();
    const gp = await h.as('gp@demo.highland');
    const d = await dealIn(h.db, 'SF-01', 'screening');
    await gp.deal.addNote({ dealId: d.id, body: '创始人来自中科院微电子所，关注存算一体架构' });
    const name =
      (
        await h.db
          .select({ n: company.nameZh })
          .from(company)
          .where(eq(company.id, d.companyId ?? 0))
      )[0]?.n ?? '';
    const brand = name.replace(/^上海/, '').slice(0, 2);
    const sf01 = await fundId(h.db, 'SF-01');
    const byNote = await gp.deal.list({ filter: { pipeline: 'direct', q: '存算一体' } });
    const byName = await gp.deal.list({ filter: { pipeline: 'direct', fundIds: [sf01], q: brand } });
    expect({ byNote: byNote.items.map((r) => r.id), byName: byName.items.some((r) => r.id === d.id) }).toEqual({ byNote: [d.id], byName: true });
  });

  it('a sub-fund manager’s table holds only their fund’s deals', async () => {
    const h = await harness();
    const gp = await h.as('gp@demo.highland');
    const sf01 = await fundId(h.db, 'SF-01');
    const page = await gp.deal.list({ limit: 500 });
    expect(new Set(page.items.map((r) => r.fundId))).toEqual(new Set([sf01]));
  });

  it('saved views are kept per user, by name', async () => {
    const h = await harness();
    const gp = await h.as('gp@demo.highland');
    const view = {
      name: '高分尽调',
      filter: { pipeline: 'direct' as const, stages: ['due_diligence' as const], scoreMin: 3.5 },
      sort: { field: 'score' as const, dir: 'desc' as const },
    };
    const { id } = await gp.pipeline.saveView(view);
    const again = await refusal(gp.pipeline.saveView(view));
    const gov = await h.as('gov@demo.highland');
    expect({
      mine: (await gp.pipeline.views()).map((v) => [v.id, v.name, v.filter.scoreMin]),
      again: again === 'ok' ? 'ok' : again.rule,
      others: (await gov.pipeline.views()).length,
    }).toEqual({ mine: [[id, '高分尽调', 3.5]], again: 'unique', others: 0 });
  });
});

describe('the board', () => {
  it('every column’s count and amount cover all of its deals, not only the cards shown', async () => {
    const h = await harness();
    const gp = await h.as('gp@demo.highland');
    const sf01 = await fundId(h.db, 'SF-01');
    const board = await gp.deal.board({ fundId: sf01, perColumn: 5 });
    const rows = await h.db
      .select({ stage: deal.stage, n: count(), amount: sum(deal.amountFen).mapWith(Number) })
      .from(deal)
      .where(eq(deal.fundId, sf01))
      .groupBy(deal.stage);
    const expected = board.columns.map((c) => {
      const r = rows.find((x) => x.stage === c.stage);
      return [c.stage, r?.n ?? 0, r?.amount ?? 0];
    });
    expect({
      columns: board.columns.map((c) => [c.stage, c.count, c.amountFen]),
      shown: board.columns.every((c) => c.cards.length === Math.min(5, c.count)),
    }).toEqual({ columns: expected, shown: true });
  });

  it('a term-sheet-first fund’s board puts the term sheet before the committee', async () => {
    const h = await harness();
    const gov = await h.as('gov@demo.highland');
    const board = await gov.deal.board({ fundId: await fundId(h.db, 'SF-04') });
    const stages = board.columns.map((c) => c.stage);
    expect(stages.indexOf('term_sheet') < stages.indexOf('committee')).toBe(true);
  });
});

describe('funnel and overlap', () => {
  it('the funnel’s first stage is reached by every deal created in the period', async () => {
    const h = await harness();
    const gov = await h.as('gov@demo.highland');
    const sf01 = await fundId(h.db, 'SF-01');
    const f = await gov.pipeline.funnel({ fundIds: [sf01] });
    const n = (await h.db.select({ n: count() }).from(deal).where(eq(deal.fundId, sf01)))[0]?.n;
    const invested = (
      await h.db
        .select({ n: count() })
        .from(deal)
        .where(and(eq(deal.fundId, sf01), eq(deal.stage, 'invested')))
    )[0]?.n;
    expect({
      deals: f.deals,
      first: f.stages[0]?.reached,
      last: f.stages[f.stages.length - 1]?.reached,
      sources: f.bySource.reduce((s, g) => s + g.deals, 0),
    }).toEqual({
      deals: n,
      first: n,
      last: invested,
      sources: n,
    });
  });

  it('companies in several sub-funds are flagged to government and the mother fund, not to a sub-fund manager', async () => {
    const h = await harness();
    const gov = await h.as('gov@demo.highland');
    const fof = await h.as('fof@demo.highland');
    const gp = await h.as('gp@demo.highland');
    const g = await gov.pipeline.overlap();
    const f = await fof.pipeline.overlap();
    const p = await refusal(gp.pipeline.overlap());
    expect({
      some: g.total > 5,
      same: f.total === g.total,
      eachInTwoFunds: g.items.every((c) => new Set(c.deals.filter((d) => d.stage !== 'passed').map((d) => d.fundId)).size >= 2),
      gp: p === 'ok' ? 'ok' : p.code,
    }).toEqual({ some: true, same: true, eachInTwoFunds: true, gp: 'FORBIDDEN' });
  });
});

describe('export', () => {
  it('CSV: cells that begin with = + - @ are escaped; amounts are numbers in 万元', async () => {
    const h = await harness();
    const gp = await h.as('gp@demo.highland');
    const cookie = await h.cookieFor('gp@demo.highland');
    const d = await dealIn(h.db, 'SF-01', 'screening');
    await gp.deal.update({ id: d.id, version: d.version, nextStep: '=HYPERLINK("http://evil","x")', amountFen: 12_345_670_000 });
    const sf01 = await fundId(h.db, 'SF-01');
    const res = await h.app.request(`/api/export/deals?format=csv&filter=${encodeURIComponent(JSON.stringify({ pipeline: 'direct', fundIds: [sf01] }))}`, {
      headers: { cookie },
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    const line = text.split('\r\n').find((l) => l.includes('HYPERLINK')) ?? '';
    expect({
      status: res.status,
      escaped: line.includes(`"'=HYPERLINK(""http://evil"",""x"")"`),
      amount: line.includes(',12345.67,'),
      bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf,
    }).toEqual({
      status: 200,
      escaped: true,
      amount: true,
      bom: true,
    });
  });

  it('XLSX opens as a workbook with numbers stored as numbers and formulas escaped', async () => {
    const h = await harness();
    const gp = await h.as('gp@demo.highland');
    const cookie = await h.cookieFor('gp@demo.highland');
    const d = await dealIn(h.db, 'SF-01', 'screening');
    await gp.deal.update({ id: d.id, version: d.version, nextStep: '@SUM(A1:A9)', amountFen: 800_000_000 });
    const sf01 = await fundId(h.db, 'SF-01');
    const res = await h.app.request(`/api/export/deals?format=xlsx&filter=${encodeURIComponent(JSON.stringify({ pipeline: 'direct', fundIds: [sf01] }))}`, {
      headers: { cookie },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0];
    const header = ((sheet?.getRow(1).values ?? []) as unknown[]).slice(1);
    const amountCol = header.indexOf('拟投金额（万元）') + 1;
    const stepCol = header.indexOf('下一步') + 1;
    let found: { amount: unknown; step: unknown } | null = null;
    sheet?.eachRow((row) => {
      if (row.getCell(stepCol).value === "'@SUM(A1:A9)") found = { amount: row.getCell(amountCol).value, step: row.getCell(stepCol).value };
    });
    expect({ rows: (sheet?.rowCount ?? 0) - 1, found }).toEqual({
      rows: (await h.db.select({ n: count() }).from(deal).where(eq(deal.fundId, sf01)))[0]?.n,
      found: { amount: 800, step: "'@SUM(A1:A9)" },
    });
  });

  it('a manager cannot export another fund’s pipeline, and a signed-out browser nothing', async () => {
    const h = await harness();
    const cookie = await h.cookieFor('gp@demo.highland');
    const sf02 = await fundId(h.db, 'SF-02');
    const q = `/api/export/deals?format=csv&filter=${encodeURIComponent(JSON.stringify({ pipeline: 'direct', fundIds: [sf02] }))}`;
    expect([(await h.app.request(q, { headers: { cookie } })).status, (await h.app.request(q)).status]).toEqual([403, 401]);
  });
});
