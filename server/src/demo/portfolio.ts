import { company, investment, investmentExit, kpiSnapshot, ledgerEntry, navStatement, reinvestEvidence, type Tx, user, valuation } from '@highland/drizzle';
import {
  addDays,
  minDate,
  addMonths,
  allocateExit,
  daysBetween,
  maxDate,
  type ExitRoute,
  quarterEnd,
  quarterEndsThrough,
  parsePeriod,
  ROUNDS,
  type Round,
  SECTOR_CODES,
  SECTORS,
  type Sector,
  type ValuationMethod,
  ZONE_CODES,
  ZONES,
  type Zone,
} from '@highland/shared';
import { inArray, sql } from 'drizzle-orm';
import { loadBooks } from '../data/books.js';
import { DEMO_DATA_END } from './fund-group.js';
import { insertChunked } from './insert.js';
import { DEMO_STORY } from './names.js';
import { BRAND_FIRST, BRAND_SECOND, CO_INVESTORS, OUTSIDE_CITIES, TRADE, ZONE_AREA } from './portfolio-names.js';
import type { Random } from './random.js';
import { makeUscc } from './uscc.js';

const YI = 10_000_000_000; // fen in 1亿元
const WAN10 = 10_000_000; // fen in 10万元, the grain of demo amounts
/** The last quarter end the demo marks; its marks in SF-01 still wait for review. */
const LAST_MARK = '2026-09-30';

type Quality = 'star' | 'strong' | 'steady' | 'weak' | 'failed';
const QUALITY: Record<Quality, { share: number; drift: number; vol: number; rev2025: [number, number]; growth: number }> = {
  star: { share: 0.06, drift: 0.42, vol: 0.11, rev2025: [8, 30], growth: 1.6 },
  strong: { share: 0.22, drift: 0.2, vol: 0.11, rev2025: [2, 8], growth: 1.35 },
  steady: { share: 0.4, drift: 0.05, vol: 0.09, rev2025: [0.5, 2], growth: 1.15 },
  weak: { share: 0.22, drift: -0.14, vol: 0.11, rev2025: [0.1, 0.5], growth: 1.02 },
  failed: { share: 0.1, drift: -0.4, vol: 0.12, rev2025: [0.05, 0.2], growth: 1.1 },
};

interface Co {
  row: typeof company.$inferInsert;
  id: number;
  quality: Quality;
  /** log price at each quarter end from 2018-03-31. */
  logP: number[];
  /** The firm stops: write-off date (failed only). */
  failsOn: string | null;
  ipoOn: string | null;
  founded: string;
  /** Moved its registration to Shanghai on, opened a Shanghai subsidiary on (返投 evidence). */
  relocated: string | null;
  subsidiary: string | null;
}

interface Position {
  fundId: number;
  fundCode: string;
  co: Co;
  tranches: Array<{ id: number; date: string; amountFen: number; equityShare: number; round: Round; postMoneyFen: number }>;
  exits: Array<{ id: number; date: string; shareSold: number; proceedsFen: number; route: ExitRoute }>;
}

interface DemoFund {
  id: number;
  code: string;
  kind: 'mother' | 'sub' | 'direct_vehicle';
  established: string;
  investEnd: string;
  sectors: Sector[];
  sizeFen: number;
  isFundOfFunds: boolean;
  contributions: Array<[string, number]>;
  fees: Array<[string, number]>;
  distributions: Array<[string, number]>;
  /** A fund of funds' payments into its sub-funds' calls. */
  paidIntoFunds: Array<[string, number]>;
}

export interface PortfolioResult {
  counts: Record<string, number>;
}

const Q0 = '2018-03-31';
function quarterIndex(date: string): number {
  const y = Number(date.slice(0, 4));
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3);
  return (y - 2018) * 4 + q;
}

function normal(r: Random): number {
  const u = Math.max(r.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.next());
}

const sumUpTo = (xs: Array<[string, number]>, date: string) => xs.reduce((a, [d, v]) => (d <= date ? a + v : a), 0);
const grain = (fen: number) => Math.max(WAN10, Math.round(fen / WAN10) * WAN10);

/**
 * The demo portfolio: about 460 firms (Chinese names with English beside them, valid credit codes), about
 * 600 rounds by the 24 investing sub-funds and the direct vehicle within their cash, five years of approved
 * quarterly marks (the last quarter's marks of SF-01 pending review, one sent back), KPI history, exits
 * (two STAR Market IPOs, M&A, buy-backs, write-offs, and the sales that fund the ledger's distributions),
 * and the quarterly NAV statements the books give. Written after the fund group and the accounts.
 */
export async function seedPortfolio(tx: Tx, rng: Random, createdAt: string): Promise<PortfolioResult> {
  const counts: Record<string, number> = {};
  const funds = await demoFunds(tx);
  const users = await tx
    .select({ id: user.id, email: user.email })
    .from(user)
    .where(inArray(user.email, ['gp@demo.highland', 'fof@demo.highland']));
  const gpUser = users.find((u) => u.email === 'gp@demo.highland')?.id ?? null;
  const fofUser = users.find((u) => u.email === 'fof@demo.highland')?.id ?? null;

  // Firms: a quality, a price path and a founding date each; created as funds need them.
  const companies: Co[] = [];
  const coRng = rng.fork('companies');
  let serial = 0;
  const usedNames = new Set<string>();
  const newCompany = (sector: Sector, firstRound: string, localShare: number): Co => {
    const r = coRng;
    let u = r.next();
    let quality: Quality = 'steady';
    for (const [q, spec] of Object.entries(QUALITY) as Array<[Quality, (typeof QUALITY)[Quality]]>) {
      if (u < spec.share) {
        quality = q;
        break;
      }
      u -= spec.share;
    }
    const inShanghai = r.chance(localShare);
    const shZones = ZONE_CODES.filter((z) => ZONES[z].shanghai && z !== 'other_shanghai');
    const zone: Zone = inShanghai ? (r.chance(0.08) ? 'other_shanghai' : r.pick(shZones)) : 'outside_shanghai';
    const city = inShanghai ? null : r.pick(OUTSIDE_CITIES);
    let nameZh = '';
    let nameEn = '';
    for (let attempt = 0; attempt < 50; attempt++) {
      const [a, ae] = r.pick(BRAND_FIRST);
      const [b, be] = r.pick(BRAND_SECOND);
      const [t, te] = r.pick(TRADE[sector]);
      nameZh = `${city ? city.zh : '上海'}${a}${b}${t}有限公司`;
      nameEn = `${city ? city.en : 'Shanghai'} ${ae}${be} ${te} Co., Ltd.`;
      if (!usedNames.has(`${a}${b}`)) {
        usedNames.add(`${a}${b}`);
        break;
      }
    }
    const founded = `${Math.min(Number(firstRound.slice(0, 4)) - 1, r.int(2012, 2020))}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    serial += 1;
    const code = makeUscc(city ? city.area : ZONE_AREA[zone], 75_100_000 + serial * 37);
    // Price path: quarterly log returns with the quality's drift; a failed firm collapses.
    const spec = QUALITY[quality];
    const logP: number[] = [0];
    const start = quarterIndex(firstRound);
    let failsOn: string | null = null;
    const failAt = quality === 'failed' ? start + r.int(9, 16) : Number.POSITIVE_INFINITY;
    for (let k = 1; k < 40; k++) {
      const prev = logP[k - 1] ?? 0;
      if (k < start) logP.push(prev);
      else if (k >= failAt) logP.push(prev - 1.2);
      else logP.push(Math.min(Math.log(40), prev + spec.drift / 4 + spec.vol * normal(r)));
    }
    if (quality === 'failed') failsOn = addDays(quarterEnd(addMonths(Q0, 3 * failAt)), r.int(20, 70));
    // Some firms outside Shanghai move there after the investment, or open a Shanghai subsidiary: the 返投
    // evidence the funds holding them record (reinvest_evidence), dated after their rounds.
    let relocated: string | null = null;
    let subsidiary: string | null = null;
    if (!inShanghai) {
      const when = addMonths(firstRound, r.int(6, 26));
      if (r.chance(0.3) && when <= DEMO_DATA_END) relocated = when;
      else if (r.chance(0.35) && when <= DEMO_DATA_END) subsidiary = when;
    }
    const co: Co = {
      id: 0,
      quality,
      logP,
      failsOn,
      ipoOn: null,
      founded,
      relocated,
      subsidiary,
      row: {
        uscc: code,
        nameZh,
        nameEn,
        sector,
        zone,
        registeredInShanghai: inShanghai,
        founded,
        ownership: r.chance(0.86) ? 'private' : r.chance(0.5) ? 'state_owned' : 'mixed',
        headcount: null,
        website: null,
        createdAt,
        updatedAt: createdAt,
      },
    };
    companies.push(co);
    return co;
  };
  const price = (co: Co, date: string) => Math.exp(co.logP[Math.min(39, Math.max(0, quarterIndex(date)))] ?? 0) * (co.ipoOn && date >= co.ipoOn ? 1.35 : 1);

  // Rounds follow the money: most of each month’s contributions go to work in three to five rounds over the
  // next two to eight months, within the fund's cash (a fund of funds puts about half into deals of its own,
  // the rest into its sub-funds' calls). One round in five is a follow-on in a firm doing well.
  const positions: Position[] = [];
  let nextTrancheId = 1;
  let nextExitId = 1;
  const investing = funds.filter((f) => f.kind !== 'mother' && f.sectors.length);
  for (const f of investing) {
    const r = rng.fork(`rounds-${f.code}`);
    // The story (names.ts): one fund stopped dealing (its money idles), one invests mostly outside Shanghai.
    const lastDeal = f.code === DEMO_STORY.idle.code ? DEMO_STORY.idle.lastDeal : addDays(DEMO_DATA_END, -20);
    const behind = f.code === DEMO_STORY.behindOnReinvestment;
    const local = behind ? 0.15 : 0.8;
    const deployShare = isFundOfFunds(f) ? 0.55 : 1;
    const byMonth = new Map<string, [string, number]>();
    for (const [d, v] of f.contributions) {
      const m = byMonth.get(d.slice(0, 7));
      byMonth.set(d.slice(0, 7), m ? [m[0], m[1] + v] : [d, v]);
    }
    const planned: Array<{ date: string; amount: number }> = [];
    for (const [d, v] of byMonth.values()) {
      let left = v * deployShare * r.real(0.85, 1);
      const k = r.int(3, 5);
      for (let j = 0; j < k && left > WAN10; j++) {
        const amount = j === k - 1 ? left : left * r.real(0.25, 0.5);
        left -= amount;
        planned.push({ date: addDays(d, r.int(60, 240)), amount });
      }
    }
    const fundPositions: Position[] = [];
    const reserve = f.sizeFen * 0.01;
    let invested = 0;
    let proceeds = 0;
    const cashAt = (d: string) =>
      sumUpTo(f.contributions, d) - sumUpTo(f.fees, d) - sumUpTo(f.distributions, d) - sumUpTo(f.paidIntoFunds, d) - invested + proceeds;

    type Ev = { date: string; kind: 'round'; amount: number } | { date: string; kind: 'dist'; amount: number };
    const queue: Ev[] = [
      ...planned.filter((x) => x.date <= lastDeal).map((x): Ev => ({ date: x.date, kind: 'round', amount: x.amount })),
      ...f.distributions.map(([d, a]): Ev => ({ date: d, kind: 'dist', amount: a })),
    ];
    const take = () => {
      queue.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind === 'dist' ? 1 : -1));
      return queue.shift();
    };
    for (let e = take(); e; e = take()) {
      if (e.kind === 'dist') {
        // Money returned to LPs comes from exits: sell the most valuable holdings before the distribution.
        // (all of it: LPs' money paid in stays at work).
        let need = e.amount;
        const day = addDays(e.date, -r.int(12, 40));
        const held = fundPositions.filter((p) => heldShare(p) > 1e-9 && p.tranches[0] && p.tranches[0].date < addMonths(day, -12));
        held.sort((a, b) => positionValue(b, day, price) - positionValue(a, day, price));
        for (const p of held) {
          if (need <= 0) break;
          const value = positionValue(p, day, price);
          if (value < WAN10) continue;
          const phi = Math.min(1, (need * 1.15) / value);
          const whole = phi > 0.7;
          const share = heldShare(p) * (whole ? 1 : phi);
          const got = Math.round(value * (whole ? 1 : phi) * r.real(0.95, 1.15));
          const route: ExitRoute = p.co.ipoOn && day >= p.co.ipoOn ? 'ipo' : whole ? (p.co.quality === 'weak' ? 'buyback' : 'ma') : 'secondary';
          p.exits.push({ id: nextExitId++, date: maxDate(day, lastEventDate(p)), shareSold: share, proceedsFen: got, route });
          proceeds += got;
          need -= got;
        }
        continue;
      }
      const cash = cashAt(e.date) - reserve;
      if (cash < Math.min(e.amount, 5 * WAN10 * 10) * 0.5) {
        const later = addDays(e.date, 45);
        if (later <= lastDeal) queue.push({ ...e, date: later });
        continue;
      }
      // After the investment period, and in one round in five before it, the money backs a firm the fund holds.
      const goodHeld = fundPositions.filter(
        (p) =>
          heldShare(p) > 1e-9 &&
          p.co.quality !== 'failed' &&
          p.co.quality !== 'weak' &&
          (p.tranches[p.tranches.length - 1]?.date ?? e.date) < addMonths(e.date, -12),
      );
      const followOf = goodHeld.length && (e.date > f.investEnd || r.chance(0.2)) ? r.pick(goodHeld) : null;
      let co: Co;
      if (followOf) co = followOf.co;
      else {
        // One new deal in seven goes into a firm another fund already holds (co-investment: the look-through overlap).
        const shared =
          !behind && r.chance(f.kind === 'direct_vehicle' ? 0.6 : 0.14)
            ? positions.filter((p) => p.fundId !== f.id && p.co.quality !== 'failed' && !positions.some((q) => q.fundId === f.id && q.co === p.co))
            : [];
        const preferred = shared.filter(
          (p) => f.sectors.includes(p.co.row.sector as Sector) && (f.kind !== 'direct_vehicle' || p.co.quality === 'star' || p.co.quality === 'strong'),
        );
        co = preferred.length ? r.pick(preferred).co : newCompany(r.chance(0.85) ? r.pick(f.sectors) : r.pick(SECTOR_CODES), e.date, local);
      }
      const amountFen = grain(Math.min(e.amount, cash));
      const p = price(co, e.date);
      const round: Round = followOf
        ? nextRound(followOf.tranches[followOf.tranches.length - 1]?.round ?? 'a')
        : r.pick(['angel', 'pre_a', 'pre_a', 'a', 'a', 'a', 'b', 'b', 'c', 'strategic']);
      const basePost = { seed: 1.5, angel: 2.5, pre_a: 4, a: 7, b: 15, c: 30, d: 50, e_plus: 80, pre_ipo: 120, strategic: 20, ipo_placement: 200 }[round] * YI;
      const postMoneyFen = grain(
        followOf ? (followOf.tranches[0]?.postMoneyFen ?? basePost) * (p / price(co, followOf.tranches[0]?.date ?? e.date)) * 1.2 : basePost * r.real(0.6, 1.6),
      );
      const equityShare = Math.min(0.3, amountFen / postMoneyFen);
      const tranche = { id: nextTrancheId++, date: e.date, amountFen, equityShare, round, postMoneyFen };
      invested += amountFen;
      if (followOf) followOf.tranches.push(tranche);
      else {
        const pos: Position = { fundId: f.id, fundCode: f.code, co, tranches: [tranche], exits: [] };
        fundPositions.push(pos);
        positions.push(pos);
      }
    }
  }

  // Two firms list on the STAR Market (a star held by at least two funds first); the funds sell after the lock-up.
  const stars = [...new Set(positions.filter((p) => p.co.quality === 'star' && p.tranches[0] && p.tranches[0].date < '2021-09-30').map((p) => p.co))];
  const held = (co: Co) => positions.filter((p) => p.co === co).length;
  stars.sort((a, b) => held(b) - held(a) || a.founded.localeCompare(b.founded));
  const ipoDays = ['2023-08-18', '2024-03-28'];
  for (const [k, co] of stars.slice(0, 2).entries()) co.ipoOn = ipoDays[k] ?? null;

  // Other exits: write-offs of failed firms, buy-backs of weak ones, M&A of some strong ones, IPO sales.
  const exitRng = rng.fork('exits');
  for (const p of positions) {
    const t0 = p.tranches[0]?.date ?? DEMO_DATA_END;
    const last = () => lastEventDate(p);
    if (p.co.ipoOn) {
      for (const [months, part] of [
        [12, 0.4],
        [20, 0.5],
      ] as const) {
        const day = addMonths(p.co.ipoOn, months);
        if (day > DEMO_DATA_END || heldShare(p) <= 1e-9 || day < last()) continue;
        const value = positionValue(p, day, price);
        p.exits.push({ id: nextExitId++, date: day, shareSold: heldShare(p) * part, proceedsFen: Math.round(value * part), route: 'ipo' });
      }
    } else if (p.co.failsOn && p.co.failsOn <= DEMO_DATA_END && heldShare(p) > 1e-9 && p.co.failsOn >= last()) {
      const cost = p.tranches.reduce((a, t) => a + t.amountFen, 0);
      p.exits.push({
        id: nextExitId++,
        date: p.co.failsOn,
        shareSold: heldShare(p),
        proceedsFen: exitRng.chance(0.5) ? 0 : grain(cost * exitRng.real(0.02, 0.08)),
        route: 'write_off',
      });
    } else if (p.co.quality === 'weak' && exitRng.chance(0.3)) {
      const day = addMonths(t0, exitRng.int(40, 60));
      if (day <= DEMO_DATA_END && heldShare(p) > 1e-9 && day >= last()) {
        const cost = p.tranches.reduce((a, t) => a + t.amountFen, 0);
        const years = dayDiff(t0, day) / 365;
        p.exits.push({ id: nextExitId++, date: day, shareSold: heldShare(p), proceedsFen: grain(cost * (1 + 0.08 * years)), route: 'buyback' });
      }
    } else if (p.co.quality === 'strong' && exitRng.chance(0.12)) {
      const day = addMonths(t0, exitRng.int(36, 60));
      if (day <= DEMO_DATA_END && heldShare(p) > 1e-9 && day >= last())
        p.exits.push({
          id: nextExitId++,
          date: day,
          shareSold: heldShare(p),
          proceedsFen: Math.round(positionValue(p, day, price) * exitRng.real(1.05, 1.3)),
          route: 'ma',
        });
    }
  }

  // Write: companies, rounds and their ledger rows, exits and theirs, marks, KPIs.
  for (let i = 0; i < companies.length; i += 200) {
    const chunk = companies.slice(i, i + 200);
    const ids = await tx
      .insert(company)
      .values(chunk.map((c) => c.row))
      .returning({ id: company.id });
    chunk.forEach((c, k) => {
      c.id = ids[k]?.id ?? 0;
    });
  }
  counts.portfolioCompanies = companies.length;

  const trancheRowId = new Map<number, number>();
  const ordered = positions
    .flatMap((p) => p.tranches.map((t) => ({ p, t })))
    .sort((a, b) => (a.t.date < b.t.date ? -1 : a.t.date > b.t.date ? 1 : a.t.id - b.t.id));
  const invRng = rng.fork('round-details');
  for (let i = 0; i < ordered.length; i += 200) {
    const chunk = ordered.slice(i, i + 200);
    const rows = await tx
      .insert(investment)
      .values(
        chunk.map(({ p, t }) => ({
          fundId: p.fundId,
          companyId: p.co.id,
          date: t.date,
          round: t.round,
          instrument: invRng.chance(0.8) ? ('preferred_equity' as const) : invRng.chance(0.8) ? ('ordinary_equity' as const) : ('convertible' as const),
          amountFen: t.amountFen,
          equityShare: t.equityShare,
          roundSizeFen: grain(t.amountFen * invRng.real(1.8, 5)),
          postMoneyFen: t.postMoneyFen,
          coInvestors: invRng.sample(CO_INVESTORS, invRng.int(1, 3)),
          memo: null,
          createdAt,
          createdBy: null,
        })),
      )
      .returning({ id: investment.id });
    chunk.forEach(({ t }, k) => {
      trancheRowId.set(t.id, rows[k]?.id ?? 0);
    });
  }
  const ledger: Array<typeof ledgerEntry.$inferInsert> = ordered.map(({ p, t }) => ({
    fundId: p.fundId,
    kind: 'investment',
    companyId: p.co.id,
    investmentId: trancheRowId.get(t.id) ?? null,
    amountFen: t.amountFen,
    date: t.date,
    memo: `${p.co.row.nameZh} ${ROUNDS[t.round].zh}`,
    createdAt,
  }));
  counts.investments = ordered.length;

  const exitRows: Array<typeof investmentExit.$inferInsert> = [];
  // Exit rows get their ids here so each proceeds row can name its exit (a correction reverses them together).
  let nextExitRowId = ((await tx.all<{ m: number | null }>(sql`SELECT max(id) AS m FROM investment_exit`))[0]?.m ?? 0) + 1;
  for (const p of positions) {
    const done: Position['exits'] = [];
    for (const x of [...p.exits].sort((a, b) => (a.date < b.date ? -1 : 1))) {
      // The same check and split the app applies to an exit entered by hand.
      const parts = allocateExit(
        {
          tranches: p.tranches.map((t) => ({ id: trancheRowId.get(t.id) ?? 0, date: t.date, amountFen: t.amountFen, equityShare: t.equityShare })),
          exits: done,
          marks: [],
        },
        { date: x.date, shareSold: x.shareSold, proceedsFen: x.proceedsFen },
      );
      done.push(x);
      const exitRowId = nextExitRowId++;
      exitRows.push({
        id: exitRowId,
        fundId: p.fundId,
        companyId: p.co.id,
        date: x.date,
        route: x.route,
        shareSold: x.shareSold,
        proceedsFen: x.proceedsFen,
        createdAt,
      });
      for (const part of parts)
        ledger.push({
          fundId: p.fundId,
          kind: 'proceeds',
          companyId: p.co.id,
          investmentId: part.trancheId,
          exitId: exitRowId,
          amountFen: part.proceedsFen,
          date: x.date,
          memo: `${p.co.row.nameZh} 退出 #${exitRowId}`,
          createdAt,
        });
    }
  }
  await insertChunked(tx, investmentExit, exitRows);
  // 返投 evidence: each fund holding a firm that moved to Shanghai after its round, or opened a Shanghai subsidiary, records it.
  const evidence: Array<typeof reinvestEvidence.$inferInsert> = [];
  for (const p of positions) {
    const first = p.tranches[0]?.date ?? DEMO_DATA_END;
    // The fund behind on reinvestment has filed no evidence yet.
    if (p.fundCode === DEMO_STORY.behindOnReinvestment) continue;
    if (p.co.relocated && p.co.relocated > first)
      evidence.push({
        fundId: p.fundId,
        companyId: p.co.id,
        evidence: 'relocated',
        effectiveDate: p.co.relocated,
        note: '管理人提交工商迁址变更材料',
        createdAt,
      });
    if (p.co.subsidiary)
      evidence.push({
        fundId: p.fundId,
        companyId: p.co.id,
        evidence: 'subsidiary',
        effectiveDate: p.co.subsidiary,
        note: '管理人提交上海子公司营业执照',
        createdAt,
      });
  }
  await insertChunked(tx, reinvestEvidence, evidence);
  counts.reinvestEvidence = evidence.length;
  await insertChunked(tx, ledgerEntry, ledger);
  counts.exits = exitRows.length;

  // Marks: every quarter end a position is held, approved by the mother fund's manager about three weeks
  // after the quarter (never after the demo's last day, so the audit trail tells it on its business date);
  // SF-01's last quarter waits for review; one mark was sent back.
  const reviewInstant = (q: string) => `${minDate(addDays(q, 20), DEMO_DATA_END)}T06:00:00.000Z`;
  const markRng = rng.fork('marks');
  const marks: Array<typeof valuation.$inferInsert> = [];
  let rejectedOne = false;
  for (const p of positions) {
    const t0 = p.tranches[0]?.date ?? LAST_MARK;
    for (const q of quarterEndsThrough(addDays(t0, 1), LAST_MARK)) {
      const share = heldShareAt(p, q);
      if (share <= 1e-9) break;
      const lastRound = [...p.tranches].reverse().find((t) => t.date <= q);
      const sinceRound = lastRound ? dayDiff(lastRound.date, q) : 999;
      const listed = p.co.ipoOn !== null && q >= p.co.ipoOn;
      const method: ValuationMethod = listed
        ? 'market'
        : sinceRound <= 92 && lastRound && lastRound !== p.tranches[0]
          ? 'last_round'
          : sinceRound <= 185 && lastRound === p.tranches[0]
            ? 'cost'
            : markRng.chance(0.72)
              ? 'comparables'
              : 'dcf';
      const valueFen = method === 'cost' ? remainingCost(p, q) : Math.round(positionValue(p, q, price));
      const pendingHere = q === LAST_MARK && p.fundCode === 'SF-01';
      const base = {
        fundId: p.fundId,
        companyId: p.co.id,
        date: q,
        valueFen,
        method,
        basis: markBasis(method, p, lastRound, q, markRng),
        createdAt,
        createdBy: p.fundCode === 'SF-01' ? gpUser : null,
      };
      if (!rejectedOne && p.fundCode === 'SF-01' && q === '2025-12-31' && method !== 'cost') {
        rejectedOne = true;
        marks.push({
          ...base,
          valueFen: Math.round(valueFen * 1.45),
          method: 'comparables',
          basis: '可比公司法：参照海外头部AI公司估值倍数（未作市场差异调整）',
          status: 'rejected',
          reviewedAt: reviewInstant(q),
          reviewedBy: fofUser,
          reviewNote: '可比公司样本以海外公司为主，未作市场与流动性调整，请补充境内可比样本后重新提交。',
        });
      }
      marks.push(pendingHere ? { ...base, status: 'pending' } : { ...base, status: 'approved', reviewedAt: reviewInstant(q), reviewedBy: fofUser });
    }
  }
  await insertChunked(tx, valuation, marks);
  counts.valuations = marks.length;

  await insertChunked(tx, kpiSnapshot, kpis(companies, rng.fork('kpis'), createdAt));
  counts.kpiSnapshots = (await tx.select({ n: sql<number>`count(*)` }).from(kpiSnapshot))[0]?.n ?? 0;

  // NAV statements: each investing fund's books at every quarter end, as its manager reports them.
  const { books } = await loadBooks(
    tx,
    funds.filter((f) => f.kind === 'mother').map((f) => f.id),
    LAST_MARK,
    { span: 'history' },
  );
  const statements: Array<typeof navStatement.$inferInsert> = [];
  for (const f of funds.filter((x) => x.kind !== 'mother' && books.has(x.id))) {
    const dates = quarterEndsThrough(addDays(f.established, 1), LAST_MARK).filter((d) => d !== LAST_MARK || f.code !== 'SF-01');
    const navs = books.nav(f.id, dates);
    dates.forEach((d, k) => {
      const nav = navs[k] ?? 0;
      if (nav >= 0 && d > f.established)
        statements.push({ fundId: f.id, date: d, navFen: nav, source: '管理人季度报告（依据账簿与已批准估值）', createdAt, createdBy: null });
    });
  }
  await insertChunked(tx, navStatement, statements);
  counts.navStatements = statements.length;
  return { counts };
}

function isFundOfFunds(f: DemoFund): boolean {
  return f.isFundOfFunds;
}

async function demoFunds(tx: Tx): Promise<DemoFund[]> {
  const rows = await tx.all<{
    id: number;
    code: string;
    kind: DemoFund['kind'];
    established_date: string | null;
    investment_period_years: number | null;
    sector_focus: string;
    is_fund_of_funds: number;
  }>(sql`SELECT id, code, kind, established_date, investment_period_years, sector_focus, is_fund_of_funds FROM fund ORDER BY id`);
  const sizes = await tx.all<{ fund_id: number; total: number }>(sql`SELECT fund_id, SUM(amount_fen) AS total FROM commitment GROUP BY fund_id`);
  const paidIn = await tx.all<{ fund_id: number; date: string; total: number }>(
    sql`SELECT i.fund_id, l.date, SUM(l.amount_fen) AS total FROM ledger_entry l JOIN investor i ON i.id = l.investor_id
        WHERE l.kind = 'contribution' AND i.fund_id IS NOT NULL GROUP BY i.fund_id, l.date`,
  );
  const flows = await tx.all<{ fund_id: number; kind: string; date: string; total: number }>(
    sql`SELECT fund_id, kind, date, SUM(amount_fen) AS total FROM ledger_entry WHERE kind IN ('contribution', 'fee', 'distribution') GROUP BY fund_id, kind, date`,
  );
  return rows
    .filter((r) => r.established_date !== null)
    .map((r) => {
      const established = r.established_date as string;
      const mine = flows.filter((f) => f.fund_id === r.id);
      const of = (k: string) => mine.filter((f) => f.kind === k).map((f): [string, number] => [f.date, Number(f.total)]);
      return {
        id: r.id,
        code: r.code,
        kind: r.kind,
        established,
        investEnd: addMonths(established, 12 * (r.investment_period_years ?? 5)),
        sectors: JSON.parse(r.sector_focus) as Sector[],
        sizeFen: Number(sizes.find((s) => s.fund_id === r.id)?.total ?? 0),
        isFundOfFunds: r.is_fund_of_funds === 1,
        contributions: of('contribution'),
        fees: of('fee'),
        distributions: of('distribution'),
        paidIntoFunds: paidIn.filter((p) => p.fund_id === r.id).map((p): [string, number] => [p.date, Number(p.total)]),
      };
    });
}

const dayDiff = daysBetween;
const lastEventDate = (p: Position) => [...p.tranches.map((t) => t.date), ...p.exits.map((x) => x.date)].sort().pop() ?? '1990-01-01';

/** The fraction of each round still held at a date (after the exits on or before it). */
function heldFractions(p: Position, date: string): number[] {
  const h = p.tranches.map((t) => (t.date <= date ? t.equityShare : 0));
  for (const x of [...p.exits].sort((a, b) => (a.date < b.date ? -1 : 1))) {
    if (x.date > date) break;
    const total = h.reduce((a, b) => a + b, 0);
    if (total <= 0) continue;
    const phi = x.shareSold >= total * (1 - 1e-9) ? 1 : x.shareSold / total;
    for (let i = 0; i < h.length; i++) h[i] = (h[i] ?? 0) * (1 - phi);
  }
  return h;
}
const heldShareAt = (p: Position, date: string) => heldFractions(p, date).reduce((a, b) => a + b, 0);
const heldShare = (p: Position) => heldShareAt(p, '9999-12-31');
function positionValue(p: Position, date: string, price: (co: Co, d: string) => number): number {
  const h = heldFractions(p, date);
  return p.tranches.reduce(
    (a, t, i) => (t.date <= date && t.equityShare > 0 ? a + (t.amountFen * ((h[i] ?? 0) / t.equityShare) * price(p.co, date)) / price(p.co, t.date) : a),
    0,
  );
}
function remainingCost(p: Position, date: string): number {
  const h = heldFractions(p, date);
  return Math.round(p.tranches.reduce((a, t, i) => (t.date <= date ? a + t.amountFen * ((h[i] ?? 0) / t.equityShare) : a), 0));
}

const ROUND_ORDER: Round[] = ['seed', 'angel', 'pre_a', 'a', 'b', 'c', 'd', 'e_plus', 'pre_ipo'];
function nextRound(r: Round): Round {
  const i = ROUND_ORDER.indexOf(r);
  return i < 0 ? 'b' : (ROUND_ORDER[Math.min(ROUND_ORDER.length - 1, i + 1)] as Round);
}

function markBasis(method: ValuationMethod, p: Position, lastRound: Position['tranches'][number] | undefined, q: string, r: Random): string {
  const sector = SECTORS[p.co.row.sector as Sector].zh;
  switch (method) {
    case 'cost':
      return `成本法：${lastRound?.date ?? ''} ${ROUNDS[lastRound?.round ?? 'a'].zh}投资，此后无新融资或重大变化`;
    case 'last_round':
      return `最近融资价格法：${lastRound?.date ?? ''} ${ROUNDS[lastRound?.round ?? 'b'].zh}，投后估值 ${((lastRound?.postMoneyFen ?? 0) / YI).toFixed(1)} 亿元`;
    case 'comparables':
      return `可比公司法：${sector}板块 ${r.int(6, 14)} 家境内可比上市公司 EV/营收中位数 ${r.real(4, 18).toFixed(1)} 倍，流动性折扣 ${r.int(15, 30)}%`;
    case 'dcf':
      return `现金流折现法：WACC ${r.real(11, 16).toFixed(1)}%，永续增长率 ${r.real(2, 4).toFixed(1)}%，预测期 5 年`;
    case 'market':
      return `市场价格法：科创板 ${q} 收盘价，限售股流动性折扣 ${r.int(5, 15)}%`;
    default:
      return `${method}`;
  }
}

/** Annual KPIs from founding (2019 at the earliest) to 2025, then 2026 year to date by quarter; failed firms stop. */
function kpis(companies: Co[], r: Random, createdAt: string): Array<typeof kpiSnapshot.$inferInsert> {
  const out: Array<typeof kpiSnapshot.$inferInsert> = [];
  for (const c of companies) {
    const spec = QUALITY[c.quality];
    const rev2025 = r.real(spec.rev2025[0], spec.rev2025[1]) * YI;
    const founded = Number(c.founded.slice(0, 4));
    const stop = c.failsOn ? Math.min(2025, Number(c.failsOn.slice(0, 4)) - 1) : 2025;
    const outputRatio = r.real(1.05, 1.35);
    const rndRatio = r.real(0.12, 0.32);
    const taxRatio = r.real(0.02, 0.06);
    let patents = r.int(3, 12);
    for (let y = Math.max(2019, founded + 1); y <= stop; y++) {
      const rev = rev2025 / spec.growth ** (2025 - y);
      patents += Math.round(r.real(2, 8) * (c.quality === 'star' ? 4 : c.quality === 'strong' ? 2 : 1));
      out.push({
        companyId: c.id,
        period: String(y),
        periodStart: `${y}-01-01`,
        periodEnd: `${y}-12-31`,
        cumulative: false,
        revenueFen: grain(rev),
        outputValueFen: grain(rev * outputRatio),
        rndFen: grain(Math.max(5_000_000 * 100, rev * rndRatio)),
        headcount: Math.round(25 + rev / (1_800_000 * 100)),
        patents,
        taxFen: grain(rev * taxRatio),
        source: y <= 2021 ? 'import' : 'entered',
        createdAt,
        createdBy: null,
      });
    }
    if (c.failsOn && c.failsOn <= '2026-09-30') continue;
    const rev2026 = rev2025 * spec.growth;
    for (const [q, part] of [
      ['2026Q1', 0.2],
      ['2026Q2', 0.45],
      ['2026Q3', 0.7],
    ] as const) {
      const period = parsePeriod(q);
      if (!period) continue;
      out.push({
        companyId: c.id,
        period: q,
        periodStart: period.start,
        periodEnd: period.end,
        cumulative: true,
        revenueFen: grain(rev2026 * part),
        outputValueFen: grain(rev2026 * part * outputRatio),
        rndFen: grain(Math.max(5_000_000 * 100, rev2026 * rndRatio) * part),
        headcount: Math.round(25 + rev2026 / (1_800_000 * 100)),
        patents: patents + Math.round(part * 6),
        taxFen: grain(rev2026 * part * taxRatio),
        source: 'entered',
        createdAt,
        createdBy: null,
      });
    }
  }
  return out;
}
