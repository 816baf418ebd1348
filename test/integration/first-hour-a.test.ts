import { fund, statementIssue, user } from '@highland/drizzle';
import { readEnv } from '@highland/server/env';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { NEW_FUND } from './access-cases.js';
import { harness } from './helpers/harness.js';

/**
 * Issue 13, the first hour (items 1, 3, 4): what a new user tripped on, held by the server's side of each fix.
 * The web's side is in test/e2e/first-hour-a.test.ts.
 */

/** 20:59Z on 7 December is 04:59 on 8 December in Beijing. */
const LATE_EVENING_UTC = new Date('2026-12-07T20:59:00Z');

describe('dates in the deployment zone (TIME_ZONE)', () => {
  it('TIME_ZONE defaults to Asia/Shanghai and refuses a zone that does not exist', () => {
    expect(readEnv({}).TIME_ZONE).toBe('Asia/Shanghai');
    expect(readEnv({ TIME_ZONE: 'Europe/London' }).TIME_ZONE).toBe('Europe/London');
    expect(() => readEnv({ TIME_ZONE: 'Asia/Beijing' })).toThrow(/TIME_ZONE/);
  });

  it('the server tells the web its zone', async () => {
    const h = await harness({ env: { TIME_ZONE: 'America/New_York' } });
    expect((await (await h.anonymous()).system.info()).timeZone).toBe('America/New_York');
  });

  it('"today" — the default as-of date — is the date in the zone, not in UTC', async () => {
    const shanghai = await harness({ now: () => LATE_EVENING_UTC });
    const gov = await shanghai.as('gov@demo.highland');
    expect((await gov.group.overview({})).asOf).toBe('2026-12-08');
    expect((await gov.fund.detail({ id: 1 })).asOf).toBe('2026-12-08');
    const utc = await harness({ now: () => LATE_EVENING_UTC, env: { TIME_ZONE: 'UTC' } });
    expect((await (await utc.as('gov@demo.highland')).group.overview({})).asOf).toBe('2026-12-07');
  });
});

describe('the fund form: what it requires, the server refuses too; one status everywhere', () => {
  it('a fund with no target size, no manager or no decision date is refused on each field', async () => {
    const h = await harness();
    const fof = await h.as('fof@demo.highland');
    const e = await fof.fund.create({ ...NEW_FUND, targetSizeFen: null, managerId: null, decisionDate: null }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TRPCError);
    const paths = ((e as TRPCError).cause as { issues?: Array<{ path: string[] }> }).issues?.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['decisionDate', 'managerId', 'targetSizeFen']);
    expect(await h.db.select().from(fund).where(eq(fund.code, NEW_FUND.code))).toEqual([]);
  });

  it('an edit that empties a required field is refused', async () => {
    const h = await harness();
    const fof = await h.as('fof@demo.highland');
    const sf01 = (await h.db.select().from(fund).where(eq(fund.code, 'SF-01')))[0];
    const e = await fof.fund.update({ id: sf01?.id ?? 0, targetSizeFen: null }).catch((x: TRPCError) => x);
    expect((e as TRPCError).code).toBe('BAD_REQUEST');
  });

  it('a fund whose set-up date is entered reads set up in the fund list, on its page and in the overview alike', async () => {
    const h = await harness();
    const fof = await h.as('fof@demo.highland');
    const { id } = await fof.fund.create({ ...NEW_FUND, establishedDate: null });
    const asOf = '2026-10-31';
    const before = await fof.group.overview({ asOf });
    expect((await fof.fund.detail({ id, asOf })).fund.status).toBe('approved');
    await fof.fund.update({ id, establishedDate: '2026-10-01' });
    const list = (await fof.group.funds({ asOf })).find((f) => f.id === id);
    const page = (await fof.fund.detail({ id, asOf })).fund;
    const overview = await fof.group.overview({ asOf });
    const row = overview.funds.find((f) => f.id === id);
    expect(list?.status).toBe('fundraising');
    expect(page.status).toBe('fundraising');
    expect(row?.status).toBe('fundraising');
    expect(overview.counts.setUp).toBe(before.counts.setUp + 1);
    // As of a date before its set-up date it was not yet set up, everywhere.
    expect((await fof.fund.detail({ id, asOf: '2026-09-30' })).fund.status).toBe('approved');
    expect((await fof.group.funds({ asOf: '2026-09-30' })).find((f) => f.id === id)?.status).toBe('approved');
  });
});

describe("the LP's statement without a quarter", () => {
  it('the quarters issued to the LP, newest first, are exactly those whose issued lines name it', async () => {
    const h = await harness();
    const lp = await h.as('lp@demo.highland');
    const investorId = (await h.db.select({ investorId: user.investorId }).from(user).where(eq(user.email, 'lp@demo.highland')))[0]?.investorId;
    const issues = await h.db.select({ quarter: statementIssue.quarter, lines: statementIssue.lines }).from(statementIssue);
    const expected = [...new Set(issues.filter((i) => i.lines.some((l) => l.investorId === investorId)).map((i) => i.quarter))].sort().reverse();
    const quarters = await lp.lp.statementQuarters();
    expect(quarters.length).toBeGreaterThan(0);
    expect(quarters).toEqual(expected);
    // The default quarter opens: the statement of the latest issued quarter, with its issue on record.
    const s = await lp.lp.statement({ quarter: quarters[0] ?? '' });
    expect(s.funds.some((f) => f.issued !== null)).toBe(true);
  });

  it('another account sees no quarters of its own', async () => {
    const h = await harness();
    await expect((await h.as('gov@demo.highland')).lp.statementQuarters()).rejects.toThrow();
  });
});

describe('copy: the overlap page says it leaves out passed deals, and does', () => {
  it('no deal listed on the overlap page has been passed on (放弃)', async () => {
    const h = await harness();
    const o = await (await h.as('gov@demo.highland')).pipeline.overlap();
    expect(o.items.length).toBeGreaterThan(0);
    expect(o.items.flatMap((c) => c.deals.filter((d) => d.stage === 'passed').map((d) => `${c.nameZh} ${d.fundCode}`))).toEqual([]);
    for (const c of o.items) expect(new Set(c.deals.map((d) => d.fundId)).size).toBeGreaterThan(1);
  });
});
