import { company, deal, fund, investor, user } from '@highland/drizzle';
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ACCESS_CASES, EMAIL, loadFixture } from './access-cases.js';
import { type Harness, harness, PROCEDURES } from './helpers/harness.js';

/**
 * Isolation over HTTP (issue 15 item 1): the LP and a sub-fund manager, signed in with real cookies,
 * call every query of the router — with the access table's input and with other investors', funds',
 * deals', companies' and statements' ids taken from the database — and no answer (nor any XLSX or CSV
 * export, unpacked) names an investor, fund or company outside their scope.
 *
 * By design, and so not searched (docs/SECURITY.md):
 * - a manager reads the shared company register (company.*, portfolio.companyOptions,
 *   scoreboard.firmOptions: one register for the whole group, so duplicates are found across funds) —
 *   company names are not searched in those answers;
 *
 * The investor register (fund.investorOptions, the commitment form's picker) is no longer an exception
 * (ADR 044, canSeeInvestor): a sub-fund manager's answer is searched like any other, with the names it
 * may show there added to its allowed names — the investors of its fund, the group's own funds (investors
 * carrying a fund's name) and the investors its fund's team created; every other investor is a leak.
 */

type Scope = { investors: Set<string>; funds: Set<string>; companies: Set<string> };
interface Identity {
  email: string;
  /** Names this identity may see (removed from an answer before it is searched). */
  allowed: Scope;
  /** Investor names it may also see in the investor register (fund.investorOptions). */
  register: Set<string>;
  /** Names it must never see. */
  forbidden: Scope;
}

const REGISTER_PROCEDURES = new Set([
  'company.list',
  'company.get',
  'company.search',
  'company.duplicates',
  'portfolio.companyOptions',
  'scoreboard.firmOptions',
]);

async function names(h: Harness, query: ReturnType<typeof sql>): Promise<Set<string>> {
  const rows = await h.db.all<{ n: string | null }>(query);
  return new Set(rows.map((r) => r.n).filter((n): n is string => !!n && n.length >= 4));
}

async function scopes(h: Harness) {
  const lpInvestor = (await h.db.select({ id: user.investorId }).from(user).where(eq(user.email, EMAIL.lp)))[0]?.id ?? -1;
  const lpFunds = (await h.db.all<{ id: number }>(sql`SELECT DISTINCT fund_id AS id FROM commitment WHERE investor_id = ${lpInvestor}`)).map((r) => r.id);
  const gpFund = (await h.db.select({ id: fund.id }).from(fund).where(eq(fund.code, 'SF-01')))[0]?.id ?? -1;
  const lpIn = sql.join(
    lpFunds.map((id) => sql`${id}`),
    sql`, `,
  );
  const both = async (a: ReturnType<typeof sql>, b: ReturnType<typeof sql>) => {
    const [x, y] = await Promise.all([names(h, a), names(h, b)]);
    return new Set([...x, ...y]);
  };
  const investorNames = (where: ReturnType<typeof sql>) =>
    both(sql`SELECT name_zh AS n FROM investor WHERE ${where}`, sql`SELECT name_en AS n FROM investor WHERE ${where}`);
  const fundNames = (where: ReturnType<typeof sql>) =>
    both(sql`SELECT name_zh AS n FROM fund WHERE ${where}`, sql`SELECT name_en AS n FROM fund WHERE ${where}`);
  const companyNames = (where: ReturnType<typeof sql>) =>
    both(sql`SELECT name_zh AS n FROM company WHERE ${where}`, sql`SELECT name_en AS n FROM company WHERE ${where}`);
  const lpHeld = sql`id IN (SELECT company_id FROM investment WHERE fund_id IN (${lpIn}))`;
  const gpInvestors = sql`id IN (SELECT investor_id FROM commitment WHERE fund_id = ${gpFund})`;
  // The investor register as a sub-fund manager may see it: its fund's investors, the group's funds, its team's new LPs.
  const gpRegister = sql`(${gpInvestors} OR fund_id IS NOT NULL OR CAST(id AS TEXT) IN (
    SELECT a.entity_id FROM audit_event a WHERE a.action = 'investor.create'
      AND a.actor_user_id IN (SELECT user_id FROM user_fund WHERE fund_id = ${gpFund})))`;
  const gpCompanies = sql`(id IN (SELECT company_id FROM investment WHERE fund_id = ${gpFund}) OR id IN (SELECT company_id FROM deal WHERE fund_id = ${gpFund} AND company_id IS NOT NULL))`;
  const lp: Identity = {
    email: EMAIL.lp,
    allowed: {
      investors: await investorNames(sql`id = ${lpInvestor}`),
      funds: await fundNames(sql`id IN (${lpIn})`),
      companies: await companyNames(lpHeld),
    },
    register: new Set(),
    forbidden: {
      investors: await investorNames(sql`id <> ${lpInvestor}`),
      funds: await fundNames(sql`id NOT IN (${lpIn})`),
      companies: await companyNames(sql`NOT ${lpHeld}`),
    },
  };
  const gp: Identity = {
    email: EMAIL.gp,
    allowed: {
      investors: await investorNames(gpInvestors),
      funds: await fundNames(sql`id = ${gpFund}`),
      companies: await companyNames(gpCompanies),
    },
    register: await investorNames(gpRegister),
    forbidden: {
      investors: await investorNames(sql`NOT ${gpInvestors}`),
      funds: await fundNames(sql`id <> ${gpFund}`),
      companies: await companyNames(sql`NOT ${gpCompanies}`),
    },
  };
  return { lp, gp, lpFunds, gpFund, lpInvestor };
}

/** Ids outside both identities' scope, taken from the database: the values every id field is swapped for. */
async function foreignIds(h: Harness, lpFunds: number[], gpFund: number, lpInvestor: number) {
  const mine = new Set([...lpFunds, gpFund]);
  const funds = (await h.db.select({ id: fund.id }).from(fund)).map((r) => r.id).filter((id) => !mine.has(id));
  const pick = <T>(xs: T[], n: number) => xs.filter((_, i) => i % Math.max(1, Math.floor(xs.length / n)) === 0).slice(0, n);
  const deals = await h.db.all<{ id: number }>(sql`SELECT id FROM deal WHERE fund_id <> ${gpFund} ORDER BY id`);
  const companies = await h.db.all<{ id: number }>(sql`
    SELECT id FROM company WHERE id NOT IN (SELECT company_id FROM investment WHERE fund_id = ${gpFund})
      AND id NOT IN (SELECT company_id FROM deal WHERE fund_id = ${gpFund} AND company_id IS NOT NULL) ORDER BY id`);
  const investors = await h.db.all<{ id: number }>(sql`
    SELECT id FROM investor WHERE id <> ${lpInvestor} AND id NOT IN (SELECT investor_id FROM commitment WHERE fund_id = ${gpFund}) ORDER BY id`);
  const statements = await h.db.all<{ fundId: number; quarter: string }>(sql`
    SELECT fund_id AS fundId, quarter FROM statement_issue WHERE fund_id <> ${gpFund} GROUP BY fund_id, quarter ORDER BY fund_id, quarter`);
  return {
    funds: pick(funds, 5),
    deals: pick(
      deals.map((r) => r.id),
      3,
    ),
    companies: pick(
      companies.map((r) => r.id),
      3,
    ),
    investors: pick(
      investors.map((r) => r.id),
      3,
    ),
    statements: pick(statements, 3),
  };
}

type Foreign = Awaited<ReturnType<typeof foreignIds>>;

/** The access table's input, then that input with each id field swapped for every foreign id of its kind. */
function variants(path: string, base: unknown, f: Foreign): unknown[] {
  const out: unknown[] = [base];
  if (base === null || typeof base !== 'object') return out;
  const obj = base as Record<string, unknown>;
  const swap = (key: string, values: unknown[]) => {
    for (const v of values) out.push({ ...obj, [key]: v });
  };
  const idPool = path.startsWith('deal.')
    ? f.deals
    : path.startsWith('company.')
      ? f.companies
      : path.startsWith('fund.') || path.startsWith('performance.')
        ? f.funds
        : [...f.funds.slice(0, 2), ...f.deals.slice(0, 1), ...f.companies.slice(0, 1)];
  for (const key of Object.keys(obj)) {
    if (key === 'fundId') swap(key, f.funds);
    if (key === 'fundIds') swap(key, [f.funds, ...f.funds.map((id) => [id])]);
    if (key === 'investorId') swap(key, f.investors);
    if (key === 'companyId') swap(key, f.companies);
    if (key === 'dealId') swap(key, f.deals);
    if (key === 'id') swap(key, idPool);
    if (key === 'filter' && typeof obj.filter === 'object' && obj.filter) {
      const filter = obj.filter as Record<string, unknown>;
      out.push({ ...obj, filter: { ...filter, fundIds: f.funds } });
      for (const id of f.funds) out.push({ ...obj, filter: { ...filter, fundIds: [id] } });
    }
  }
  // Statements: another fund's issued quarters, asked for by the LP's statement and a fund's issues.
  if ('quarter' in obj) for (const s of f.statements) out.push({ ...obj, quarter: s.quarter, fundId: s.fundId });
  return out;
}

/** Every text of a workbook (cell values, sheet names), for searching. */
async function xlsxText(bytes: Buffer | ArrayBuffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  const parts: string[] = [];
  wb.eachSheet((ws) => {
    parts.push(ws.name);
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        parts.push(typeof cell.value === 'object' ? JSON.stringify(cell.value) : String(cell.value));
      });
    });
  });
  return parts.join('\n');
}

/** The names of `forbidden` found in `text` once every allowed name is blanked out (names nest: a fund's name inside its vehicle's). */
function leaks(text: string, allowed: Set<string>, forbidden: Set<string>): string[] {
  let t = text;
  for (const a of [...allowed].sort((x, y) => y.length - x.length)) t = t.split(a).join('∅');
  return [...forbidden].filter((n) => !allowed.has(n) && t.includes(n));
}

describe('isolation over HTTP with real cookies (issue 15 item 1)', () => {
  it('the LP and a sub-fund manager never see a name outside their scope, in any query answer or export', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const { lp, gp, lpFunds, gpFund, lpInvestor } = await scopes(h);
    const f = await foreignIds(h, lpFunds, gpFund, lpInvestor);
    const queries = Object.entries(PROCEDURES)
      .filter(([, p]) => p._def.type === 'query')
      .map(([path]) => path)
      .sort();
    const found: string[] = [];
    let calls = 0;
    const statuses: Record<number, number> = {};
    for (const who of [lp, gp]) {
      const cookie = await h.cookieFor(who.email);
      // A name may be both an investor and a fund (the mother fund is an LP of its sub-funds): every allowed name is blanked first.
      const allowed = new Set([...who.allowed.investors, ...who.allowed.funds, ...who.allowed.companies]);
      const check = (where: string, text: string, path: string) => {
        // Investors that are funds themselves appear in the investor register under their fund's name.
        const seen = path === 'fund.investorOptions' ? new Set([...allowed, ...who.register]) : allowed;
        const hits = [
          ...leaks(text, seen, who.forbidden.funds),
          ...leaks(text, seen, who.forbidden.investors),
          ...(who === gp && REGISTER_PROCEDURES.has(path) ? [] : leaks(text, allowed, who.forbidden.companies)),
        ];
        for (const n of hits) found.push(`${who.email} ${where}: ${n}`);
      };
      for (const path of queries) {
        const c = ACCESS_CASES[path];
        const bases = [c?.input?.(fx), ...(c?.scoped ?? []).map((s) => s.input(fx))];
        const inputs = bases.flatMap((b) => variants(path, b, f));
        for (const input of inputs) {
          const res = await h.http(path, { cookie, input });
          calls += 1;
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          const text = await res.text();
          check(`${path}(${JSON.stringify(input)?.slice(0, 120)}) ${res.status}`, text, path);
          const b64 = /"base64":"([^"]+)"/.exec(text)?.[1];
          if (b64) check(`${path} XLSX`, await xlsxText(Buffer.from(b64, 'base64')), path);
        }
      }
      // The HTTP exports: the deal table as CSV and XLSX, unfiltered and filtered to another fund.
      for (const format of ['csv', 'xlsx']) {
        for (const filter of [{}, { pipeline: 'direct', fundIds: f.funds }, { pipeline: 'direct', fundIds: [fx.otherSubFundId] }]) {
          const res = await h.app.request(`/api/export/deals?format=${format}&filter=${encodeURIComponent(JSON.stringify(filter))}`, { headers: { cookie } });
          calls += 1;
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          const bytes = Buffer.from(await res.arrayBuffer());
          const text = res.headers.get('content-type')?.includes('spreadsheetml') ? await xlsxText(bytes) : bytes.toString('utf8');
          check(`export ${format} ${JSON.stringify(filter)} ${res.status}`, text, 'export');
        }
      }
    }
    console.log(`isolation: ${queries.length} queries, ${calls} calls by 2 identities; statuses ${JSON.stringify(statuses)}`);
    expect({ found, enoughCalls: calls > 2 * queries.length }).toEqual({ found: [], enoughCalls: true });
  });

  it('fund.investorOptions over HTTP: SF-01’s manager lists its own investors and the group’s funds, not the group’s other LPs', async () => {
    const h = await harness();
    const { gpFund } = await scopes(h);
    const ids = async (email: string) => {
      const body = (await (await h.http('fund.investorOptions', { cookie: await h.cookieFor(email) })).json()) as { result?: { data?: Array<{ id: number }> } };
      return new Set((body.result?.data ?? []).map((i) => i.id));
    };
    const all = await h.db.select({ id: investor.id, fundId: investor.fundId }).from(investor);
    const inGpFund = (await h.db.all<{ id: number }>(sql`SELECT DISTINCT investor_id AS id FROM commitment WHERE fund_id = ${gpFund}`)).map((r) => r.id);
    const gp = await ids(EMAIL.gp);
    const fof = await ids(EMAIL.fof);
    const otherLps = all.filter((i) => i.fundId === null && !inGpFund.includes(i.id)).map((i) => i.id);
    expect({
      gpListsItsFundsInvestors: inGpFund.length > 0 && inGpFund.every((id) => gp.has(id)),
      gpListsTheGroupsFunds: all.filter((i) => i.fundId !== null).every((i) => gp.has(i.id)),
      manyOtherLps: otherLps.length > 20,
      gpListsOtherLps: otherLps.filter((id) => gp.has(id)),
      fofListsEveryone: fof.size === all.length,
    }).toEqual({ gpListsItsFundsInvestors: true, gpListsTheGroupsFunds: true, manyOtherLps: true, gpListsOtherLps: [], fofListsEveryone: true });
  });

  it('the names searched for are real: an answer in scope does contain the identity’s own names', async () => {
    const h = await harness();
    const { lp } = await scopes(h);
    const cookie = await h.cookieFor(lp.email);
    const text = await (await h.http('lp.portal', { cookie, input: { asOf: '2025-12-31' } })).text();
    const own = [...lp.allowed.funds].filter((n) => text.includes(n));
    const otherCount = (await h.db.select({ id: investor.id }).from(investor)).length - 1;
    const companies = (await h.db.select({ id: company.id }).from(company)).length;
    const deals = (await h.db.select({ id: deal.id }).from(deal)).length;
    expect({ ownFundNamed: own.length > 0, lpForbiddenInvestors: lp.forbidden.investors.size >= otherCount, corpus: companies > 10 && deals > 10 }).toEqual({
      ownFundNamed: true,
      lpForbiddenInvestors: true,
      corpus: true,
    });
  });
});
