import { company, companyMerge, deal, dealNote, dealStageEvent } from '@highland/drizzle';
import { count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { harness } from './helpers/harness.js';
import { fundId, freshUscc, refusal } from './helpers/pipeline.js';
import { auditCount } from './helpers/sessions.js';

const firm = (n: number, over: Record<string, unknown> = {}) => ({
  uscc: freshUscc(n),
  nameZh: `上海新测${n}智能科技有限公司`,
  nameEn: null,
  sector: 'ai_chips',
  zone: 'pudong_zhangjiang',
  registeredInShanghai: true,
  founded: '2022-03-01',
  ownership: 'private',
  headcount: 40,
  website: null,
  ...over,
});

describe('companies: bad input is refused with the field and the rule, and nothing is written', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['a wrong check character', { uscc: `${freshUscc(1).slice(0, 17)}${freshUscc(1).endsWith('0') ? '1' : '0'}` }, 'uscc:uscc'],
    ['a credit code one character short', { uscc: freshUscc(1).slice(0, 17) }, 'uscc:uscc'],
    ['an unknown sector', { sector: 'blockchain' }, 'sector:invalid_value'],
    ['an unknown zone', { zone: 'mars' }, 'zone:invalid_value'],
    ['registered in Shanghai but outside Shanghai', { zone: 'outside_shanghai' }, 'zone:zoneNotShanghai'],
    ['a negative headcount', { headcount: -1 }, 'headcount:too_small'],
    ['a website that is not one', { website: 'not a site' }, 'website:website'],
    ['an impossible founding date', { founded: '2023-02-30' }, 'founded:isoDate'],
  ];
  for (const [name, over, expected] of cases)
    it(name, async () => {
      const h = await harness();
      const gp = await h.as('gp@demo.highland');
      const before = await auditCount(h.db);
      const r = await refusal(gp.company.create(firm(1, over) as never));
      expect({ got: r === 'ok' ? 'ok' : `${r.path}:${r.rule}`, written: (await auditCount(h.db)) - before }).toEqual({ got: expected, written: 0 });
    });

  it('a credit code typed in lower case with spaces is stored in canonical form', async () => {
    const h = await harness();
    const gp = await h.as('gp@demo.highland');
    const { id } = await gp.company.create(firm(2, { uscc: `  ${freshUscc(2).toLowerCase()} ` }) as never);
    expect((await h.db.select({ uscc: company.uscc }).from(company).where(eq(company.id, id)))[0]?.uscc).toBe(freshUscc(2));
  });
});

describe('companies: duplicates', () => {
  it('the same credit code is refused, naming the company that has it', async () => {
    const h = await harness();
    const gp = await h.as('gp@demo.highland');
    const existing = (await h.db.select().from(company).limit(1))[0];
    const r = await refusal(gp.company.create(firm(3, { uscc: existing?.uscc }) as never));
    expect(r).toMatchObject({ code: 'CONFLICT', key: 'company.usccTaken', rule: 'unique', path: 'uscc' });
  });

  it('the same name in another form is caught and needs confirming', async () => {
    const h = await harness();
    const gp = await h.as('gp@demo.highland');
    const existing = (await h.db.select().from(company).where(sql`${company.nameZh} LIKE '上海%有限公司' AND ${company.nameZh} NOT LIKE '%股份%'`).limit(1))[0];
    // "上海X有限公司" written as "X（上海）有限公司"
    const other = `${existing?.nameZh.replace(/^上海/, '').replace(/有限公司$/, '')}（上海）有限公司`;
    const first = await refusal(gp.company.create(firm(4, { nameZh: other }) as never));
    const dups = await gp.company.duplicates({ nameZh: other });
    const second = await refusal(gp.company.create(firm(4, { nameZh: other, allowNameDuplicate: true }) as never));
    expect({ first: first === 'ok' ? 'ok' : first.key, found: dups.map((d) => d.id), second }).toEqual({
      first: 'company.nameDuplicate',
      found: [existing?.id],
      second: 'ok',
    });
  });
});

describe('companies: editing', () => {
  it('a manager edits a company in their pipeline, not one only other funds hold', async () => {
    const h = await harness();
    const gp = await h.as('gp@demo.highland');
    const sf01 = await fundId(h.db, 'SF-01');
    const mine = (await h.db.select({ id: deal.companyId }).from(deal).where(eq(deal.fundId, sf01)).limit(1))[0]?.id ?? 0;
    const foreign =
      (await h.db.all<{ id: number }>(sql`SELECT id FROM company WHERE id NOT IN (SELECT company_id FROM deal WHERE fund_id = ${sf01}) LIMIT 1`))[0]?.id ?? 0;
    expect({
      mine: await refusal(gp.company.update({ id: mine, headcount: 120 })),
      foreign: await refusal(gp.company.update({ id: foreign, headcount: 120 })).then((r) => (r === 'ok' ? 'ok' : r.code)),
    }).toEqual({ mine: 'ok', foreign: 'FORBIDDEN' });
  });

  it('a new name is found by full-text search, in two Chinese characters', async () => {
    const h = await harness();
    const gp = await h.as('gp@demo.highland');
    const { id } = await gp.company.create(firm(5, { nameZh: '上海鲸擘量子计算科技有限公司', nameEn: 'Shanghai Jingbo Quantum Computing Co., Ltd.' }) as never);
    const byZh = (await gp.company.search({ q: '鲸擘' })).map((c) => c.id);
    const byEn = (await gp.company.search({ q: 'quantu' })).map((c) => c.id);
    const byCode = (await gp.company.search({ q: freshUscc(5).slice(0, 16) })).map((c) => c.id);
    expect({ byZh, byEn, byCode }).toEqual({ byZh: [id], byEn: [id], byCode: [id] });
  });
});

describe('companies: a merge keeps both histories', () => {
  it('deals move to the survivor; a deal in the same fund is folded with its events and notes', async () => {
    const h = await harness();
    const fof = await h.as('fof@demo.highland');
    // Two demo companies with deals; the duplicate loses its credit code so the two may be merged.
    const [a, b] = await h.db
      .all<{ a: number; b: number; fund: number }>(sql`
      SELECT d1.company_id AS a, d2.company_id AS b, d1.fund_id AS fund FROM deal d1 JOIN deal d2 ON d1.fund_id = d2.fund_id AND d1.company_id < d2.company_id
      WHERE d1.pipeline = 'direct' LIMIT 1`)
      .then((rows) => [rows[0]?.a ?? 0, rows[0]?.b ?? 0]);
    await h.db
      .update(company)
      .set({ uscc: null })
      .where(eq(company.id, b as number));
    const eventsBefore = (
      await h.db.all<{ n: number }>(sql`SELECT count(*) n FROM deal_stage_event WHERE deal_id IN (SELECT id FROM deal WHERE company_id IN (${a}, ${b}))`)
    )[0]?.n;
    const dealsOfB =
      (
        await h.db
          .select({ n: count() })
          .from(deal)
          .where(eq(deal.companyId, b as number))
      )[0]?.n ?? 0;
    const dealsOfA =
      (
        await h.db
          .select({ n: count() })
          .from(deal)
          .where(eq(deal.companyId, a as number))
      )[0]?.n ?? 0;
    const r = await fof.company.merge({ fromId: b as number, intoId: a as number });
    const from = (
      await h.db
        .select()
        .from(company)
        .where(eq(company.id, b as number))
    )[0];
    const eventsAfter = (
      await h.db.all<{ n: number }>(sql`SELECT count(*) n FROM deal_stage_event WHERE deal_id IN (SELECT id FROM deal WHERE company_id = ${a})`)
    )[0]?.n;
    const foldNotes = (await h.db.select({ n: count() }).from(dealNote).where(sql`${dealNote.body} LIKE '合并重复企业%'`))[0]?.n;
    const merges = await h.db
      .select()
      .from(companyMerge)
      .where(eq(companyMerge.intoId, a as number));
    const found = (await fof.company.search({ q: from?.nameZh.slice(2, 6) ?? '' })).map((c) => c.id);
    expect({
      moved: r.moved + r.folded,
      pointer: from?.mergedIntoId,
      deals: (
        await h.db
          .select({ n: count() })
          .from(deal)
          .where(eq(deal.companyId, a as number))
      )[0]?.n,
      eventsKept: eventsAfter,
      foldNotes,
      merges: merges.length,
      oldNameFindsSurvivor: found.includes(a as number),
    }).toEqual({
      moved: dealsOfB,
      pointer: a,
      deals: dealsOfA + dealsOfB - r.folded,
      eventsKept: eventsBefore,
      foldNotes: r.folded,
      merges: 1,
      oldNameFindsSurvivor: true,
    });
  });

  it('two different credit codes are two firms: refused', async () => {
    const h = await harness();
    const fof = await h.as('fof@demo.highland');
    const [x, y] = await h.db.select({ id: company.id }).from(company).limit(2);
    expect(await refusal(fof.company.merge({ fromId: x?.id ?? 0, intoId: y?.id ?? 0 }))).toMatchObject({ rule: 'usccDiffers', path: 'intoId' });
  });

  it('a merged company keeps its stage events reachable (none lost)', async () => {
    const h = await harness();
    const total = (await h.db.select({ n: count() }).from(dealStageEvent))[0]?.n;
    const fof = await h.as('fof@demo.highland');
    const rows = await h.db.all<{ a: number; b: number }>(
      sql`SELECT d1.company_id a, d2.company_id b FROM deal d1 JOIN deal d2 ON d1.fund_id = d2.fund_id AND d1.company_id < d2.company_id LIMIT 1`,
    );
    await h.db
      .update(company)
      .set({ uscc: null })
      .where(eq(company.id, rows[0]?.b ?? 0));
    await fof.company.merge({ fromId: rows[0]?.b ?? 0, intoId: rows[0]?.a ?? 0 });
    expect((await h.db.select({ n: count() }).from(dealStageEvent))[0]?.n).toBe(total);
  });
});
