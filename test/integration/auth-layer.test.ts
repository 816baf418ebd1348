import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commitment, type Db, fund, investor, user } from '@highland/drizzle';
import { type Actor, appRouter, createContext } from '@highland/server';
import { filterVisibleInvestors, visibleInvestors } from '@highland/server/auth/investor-scope';
import { assertFundReadable, readableFunds } from '@highland/server/auth/scope';
import { actorOf } from '@highland/server/auth/session';
import { asc, eq, inArray } from 'drizzle-orm';
import { type Area, canAdminister, canEditFunds, canSee, canWritePlan, DomainError, type Principal, readsGroup, writesBooks } from '@highland/shared';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { ACCESS_CASES, EMAIL, IDENTITIES, type Identity } from './access-cases.js';
import { harness, PROCEDURES } from './helpers/harness.js';
import { seedSession } from './helpers/sessions.js';

/** The actor of a demo account, as a session would load it. */
async function actorFor(db: Db, email: string): Promise<Actor> {
  const row = (await db.select().from(user).where(eq(user.email, email)))[0];
  if (!row) throw new Error(`no user ${email}`);
  return actorOf(db, { ...row, userId: row.id });
}

describe('the auth layer decides through the shared predicates (ADR 044)', () => {
  it('the bulk scope of list queries and the per-fund check agree, for every demo account and every fund', async () => {
    const h = await harness();
    const funds = (await h.db.select({ id: fund.id }).from(fund).orderBy(asc(fund.id))).map((f) => f.id);
    const disagreements: string[] = [];
    const readCounts: Record<string, number> = {};
    for (const [who, email] of Object.entries({ ...EMAIL, sf10: 'sf10.team1@demo.highland' })) {
      if (who === 'pending') continue;
      const actor = await actorFor(h.db, email);
      const scope = await readableFunds(h.db, actor);
      let n = 0;
      for (const id of funds) {
        const bulk = scope.all || scope.ids.includes(id);
        const single = await assertFundReadable(h.db, actor, id).then(
          () => true,
          () => false,
        );
        if (bulk !== single) disagreements.push(`${who} fund ${id}: list says ${bulk}, check says ${single}`);
        if (single) n += 1;
      }
      readCounts[who] = n;
    }
    const lpFunds = await h.db
      .selectDistinct({ f: commitment.fundId })
      .from(commitment)
      .where(eq(commitment.investorId, (await actorFor(h.db, EMAIL.lp)).investorId ?? -1));
    expect({ disagreements, readCounts }).toEqual({
      disagreements: [],
      readCounts: {
        admin: funds.length,
        government: funds.length,
        // the mother fund's manager reads the whole group (every fund sits below the mother fund)
        fof: funds.length,
        gp: 1,
        sf10: 1,
        lp: lpFunds.length,
      },
    });
  });
});

describe('fund.investorOptions: a sub-fund manager sees only the investors of its own world (issue 15)', () => {
  it('gp@ sees SF-01’s investors and the group’s funds, not the other investors; the mother fund’s manager sees all', async () => {
    const h = await harness();
    const sf01 = (await h.db.select({ id: fund.id }).from(fund).where(eq(fund.code, 'SF-01')))[0]?.id ?? -1;
    const all = await h.db.select({ id: investor.id, fundId: investor.fundId }).from(investor);
    const inSf01 = new Set((await h.db.selectDistinct({ i: commitment.investorId }).from(commitment).where(eq(commitment.fundId, sf01))).map((r) => r.i));
    const groupFunds = all.filter((i) => i.fundId !== null).map((i) => i.id);
    const gp = await visibleInvestors(h.db, await actorFor(h.db, EMAIL.gp));
    const fof = await visibleInvestors(h.db, await actorFor(h.db, EMAIL.fof));
    if (gp.all) throw new Error('gp@ must get a narrowed list');
    const outside = all.filter((i) => !inSf01.has(i.id) && i.fundId === null).map((i) => i.id);
    const filtered = (await filterVisibleInvestors(h.db, await actorFor(h.db, EMAIL.gp), all)).map((i) => i.id);
    expect({
      filteredIsTheScope: filtered.sort((a, b) => a - b).join() === [...gp.ids].sort((a, b) => a - b).join(),
      fofSeesAll: fof.all,
      gpSeesEveryInvestorOfSf01: [...inSf01].every((id) => gp.ids.has(id)),
      gpSeesTheGroupsFunds: groupFunds.every((id) => gp.ids.has(id)),
      outsideCount: outside.length > 20,
      gpSeesOutside: outside.filter((id) => gp.ids.has(id)),
    }).toEqual({
      filteredIsTheScope: true,
      fofSeesAll: true,
      gpSeesEveryInvestorOfSf01: true,
      gpSeesTheGroupsFunds: true,
      outsideCount: true,
      gpSeesOutside: [],
    });
  });

  it('a new LP created by SF-01’s team is seen by SF-01’s managers before its first commitment, not by SF-02’s', async () => {
    const h = await harness();
    const gp = await h.cookieFor(EMAIL.gp);
    const res = await h.http('ledger.createInvestor', {
      cookie: gp,
      input: { nameZh: '上海新锐创投合伙企业', nameEn: 'Shanghai Xinrui Ventures LP', sourceType: 'private' },
    });
    const created = (await h.db.select({ id: investor.id }).from(investor).where(eq(investor.nameZh, '上海新锐创投合伙企业')))[0]?.id ?? -1;
    const sees = async (email: string) => {
      const scope = await visibleInvestors(h.db, await actorFor(h.db, email));
      return scope.all || scope.ids.has(created);
    };
    expect({
      status: res.status,
      gp: await sees(EMAIL.gp),
      team: await sees('sf01.team1@demo.highland'),
      otherFund: await sees('sf02.team1@demo.highland'),
      lp: await sees(EMAIL.lp),
    }).toEqual({ status: 200, gp: true, team: true, otherFund: false, lp: false });
  });

  it('an LP’s scope is its own investor and the group’s funds', async () => {
    const h = await harness();
    const lp = await actorFor(h.db, EMAIL.lp);
    const scope = await visibleInvestors(h.db, lp);
    if (scope.all) throw new Error('an LP must get a narrowed list');
    const names = await h.db
      .select({ id: investor.id, fundId: investor.fundId })
      .from(investor)
      .where(inArray(investor.id, [...scope.ids]));
    expect(names.filter((i) => i.fundId === null).map((i) => i.id)).toEqual([lp.investorId]);
  });
});

describe('layering of the permission source', () => {
  const ROOT = fileURLToPath(new URL('../..', import.meta.url));
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));

  it('server/src/auth imports nothing from server/src/data', () => {
    const bad = files(join(ROOT, 'server/src/auth')).filter((f) => /from '\.\.\/data\//.test(readFileSync(f, 'utf8')));
    expect(bad.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('the web’s navigation and route guards decide on no role by themselves', () => {
    const bad = files(join(ROOT, 'web/src/routes')).flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${relative(ROOT, f)}:${i + 1}` }))
        .filter(({ line }) => /\.role\s*[!=]==|managesMotherFund|managedFundIds/.test(line))
        .map(({ at }) => at),
    );
    expect(bad).toEqual([]);
  });
});

/**
 * The gate each procedure gets from server/src/trpc.ts (areaProcedure / gateProcedure) instead of a role
 * list of its own (ADR 044). Null: no gate beyond being signed in (or none at all for the public ones).
 * The tests below hold that these gates refuse no one the access table lets through, and that every
 * router line carries exactly its gate.
 */
type Gate = null | { area: Area } | { rule: (p: Principal) => boolean };
const area = (a: Area): Gate => ({ area: a });
const rule = (r: (p: Principal) => boolean): Gate => ({ rule: r });
const NS_GATES: Record<string, { read: Gate; write: Gate }> = {
  audit: { read: area('audit'), write: area('audit') },
  company: { read: area('companies'), write: rule(writesBooks) },
  deal: { read: area('pipeline'), write: rule(writesBooks) },
  designation: { read: area('designations'), write: rule(canWritePlan) },
  fund: { read: area('funds'), write: rule(canEditFunds) },
  group: { read: area('overview'), write: area('overview') },
  ledger: { read: rule(writesBooks), write: rule(writesBooks) },
  listing: { read: area('listings'), write: rule(canWritePlan) },
  lp: { read: area('portfolio'), write: area('portfolio') },
  performance: { read: area('performance'), write: area('performance') },
  pipeline: { read: area('pipeline'), write: area('pipeline') },
  portfolio: { read: area('performance'), write: rule(writesBooks) },
  programme: { read: rule(readsGroup), write: rule(canAdminister) },
  scoreboard: { read: area('scoreboard'), write: area('scoreboard') },
  support: { read: area('support'), write: rule(canWritePlan) },
  user: { read: rule(canAdminister), write: rule(canAdminister) },
  benchmark: { read: area('performance'), write: rule(canAdminister) },
};
export const PROPOSED_GATES: Record<string, Gate> = {
  'fund.get': rule(canEditFunds),
  'fund.formOptions': rule(canEditFunds),
  'fund.investorOptions': rule(writesBooks),
  'group.funds': area('funds'),
  'company.duplicates': rule(writesBooks),
  'pipeline.saveSettings': rule(writesBooks),
  'pipeline.overlap': area('overlap'),
  'portfolio.companyOptions': rule(writesBooks),
  'scoreboard.firmOptions': rule(canWritePlan),
  'support.setSchedule': rule(canAdminister),
};
function gateOf(path: string, type: string): Gate {
  if (path in PROPOSED_GATES) return PROPOSED_GATES[path] ?? null;
  const ns = NS_GATES[path.split('.')[0] ?? ''];
  if (!ns) return null;
  return type === 'mutation' ? ns.write : ns.read;
}

describe('the predicate gates proposed for every router line refuse no one the access table lets through', () => {
  it('allowed ⊆ passes the gate, for every procedure and demo account', async () => {
    const h = await harness();
    const principals = new Map<Identity, Principal>();
    for (const who of IDENTITIES) if (who !== 'anonymous' && who !== 'pending') principals.set(who, await actorFor(h.db, EMAIL[who]));
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;
    const wouldRefuse: string[] = [];
    let checked = 0;
    for (const [path, c] of Object.entries(ACCESS_CASES)) {
      const gate = gateOf(path, procedures[path]?._def.type ?? 'query');
      if (!gate) continue;
      for (const who of c.allowed) {
        const p = principals.get(who);
        if (!p) continue;
        checked += 1;
        const passes = 'area' in gate ? canSee(p, gate.area) : gate.rule(p);
        if (!passes) wouldRefuse.push(`${path}: ${who}`);
      }
    }
    expect({ wouldRefuse, checkedMany: checked > 150 }).toEqual({ wouldRefuse: [], checkedMany: true });
  });
});

describe('every router line carries its gate (roleProcedure is gone)', () => {
  it('a demo account the table’s gate refuses gets the gate’s refusal, before its input is read; one it passes never does', async () => {
    const h = await harness();
    const who = ['admin', 'government', 'gp', 'fof', 'lp'] as const;
    const callers = new Map<string, Record<string, Record<string, (i: unknown) => Promise<unknown>>>>();
    const principals = new Map<string, Principal>();
    for (const w of who) {
      const cookie = await seedSession(h.db, EMAIL[w]);
      const ctx = await createContext(h.services, new Request('http://test/', { headers: { cookie } }), new Headers(), `gates:${w}`);
      callers.set(w, appRouter.createCaller(ctx) as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>);
      principals.set(w, await actorFor(h.db, EMAIL[w]));
    }
    const wrong: string[] = [];
    let refusals = 0;
    for (const [path, proc] of Object.entries(PROCEDURES)) {
      const gate = gateOf(path, proc._def.type);
      if (!gate) continue;
      const [ns, name] = path.split('.') as [string, string];
      for (const w of who) {
        const p = principals.get(w) as Principal;
        const passes = 'area' in gate ? canSee(p, gate.area) : gate.rule(p);
        // A mutation the gate lets through is not called here (the role test calls it with a real input).
        if (passes && proc._def.type === 'mutation') continue;
        const fn = callers.get(w)?.[ns]?.[name];
        // No input: past the gate, the call stops at the input's validation (or answers a query).
        const key = await (fn ? fn(undefined) : Promise.reject(new Error('missing'))).then(
          () => null,
          (e: unknown) => (e instanceof TRPCError && e.cause instanceof DomainError ? e.cause.key : null),
        );
        const refused = key === 'auth.area';
        if (refused) refusals += 1;
        if (refused === passes) wrong.push(`${path} ${w}: gate ${passes ? 'passes' : 'refuses'}, router ${refused ? 'refuses' : 'lets through'}`);
      }
    }
    expect({ wrong, refusedMany: refusals > 100 }).toEqual({ wrong: [], refusedMany: true });
  });
});
