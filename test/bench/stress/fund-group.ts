import type { Random } from '@highland/server/demo/random';
import { addDays, addMonths, allocateProRata, INVESTOR_SOURCE_CODES, type InvestorSource, SECTOR_CODES } from '@highland/shared';
import type { StressPart } from './index.js';

/** The stress group's books end here, like the demo's. */
export const STRESS_END = '2026-10-31';
export const SUB_FUND_COUNT = 600;
export const LP_COUNT = 5_000;
const BATCHES = 12;

const YI = 10_000_000_000;
const WAN10 = 1_000_000; // fen in 1万元: the grain of stress commitments
const CREATED_AT = '2025-01-01T00:00:00.000Z';

/** Ids other parts (benchmarks, later parts) refer to. */
export interface FundGroupOutput {
  motherFundId: number;
  directVehicleId: number;
  subFundIds: number[];
  motherInvestorId: number;
  firstLpId: number;
  lpCount: number;
}

type Row = Array<string | number | null>;
interface Lp {
  id: number;
  fen: number;
  date: string;
}
interface Flow {
  fundId: number;
  kind: 'call' | 'contribution' | 'distribution' | 'fee' | 'investment' | 'proceeds';
  investorId: number | null;
  companyId: number | null;
  amountFen: number;
  date: string;
  callId: number | null;
  /** Index (in `flows`) of the entry this one reverses. */
  reverses?: number;
  memo: string | null;
}

/**
 * One mother fund (three phases), one direct-investment vehicle, 600 sub-funds in 12 batches (six of
 * them funds of funds that also commit to later sub-funds), 5,000 LPs of every source type, ~28,000
 * commitments, ~1 M ledger rows (calls, contributions, fees, distributions, a few reversals) from 2019
 * to 2026, and quarterly NAV statements. Fund ↔ company flows belong to the `investments` part, which
 * writes them with the investment rows they carry. Inserted in date order, as a
 * ledger fills.
 */
export const fundGroupPart: StressPart<FundGroupOutput> = {
  name: 'fund-group',
  async build({ insert, rng, log }) {
    // Managers: ~320 firms, some managing several sub-funds.
    const managers: Row[] = [];
    for (let i = 1; i <= 320; i++) managers.push([i, `压测基金管理有限公司${String(i).padStart(3, '0')}`, `Stress Fund Manager ${i} Co., Ltd.`, null]);
    await insert('manager', ['id', 'name_zh', 'name_en', 'uscc'], managers);

    // Funds.
    const MOTHER = 1;
    const DV = 2;
    const funds: Row[] = [];
    const fundRow = (f: {
      id: number;
      kind: string;
      parent: number | null;
      code: string;
      zh: string;
      en: string;
      manager: number;
      sponsor: string;
      batch: number | null;
      fof: boolean;
      decision: string;
      established: string | null;
      term: number;
      invest: number;
      target: number;
      sectors: string[];
      status: string;
      cap: number | null;
      override: boolean;
      k: number;
      wRel: number;
      wSub: number;
      feeRate: number;
    }): Row => [
      f.id,
      f.kind,
      f.parent,
      f.code,
      f.zh,
      f.en,
      f.manager,
      f.sponsor,
      f.batch,
      f.fof ? 1 : 0,
      f.established ? Number(f.established.slice(0, 4)) : null,
      f.decision,
      f.established,
      f.term,
      f.invest,
      f.target,
      JSON.stringify(f.sectors),
      f.status,
      f.cap,
      f.override ? 1 : 0,
      f.k,
      1,
      f.wRel,
      f.wSub,
      'committed',
      f.feeRate,
      CREATED_AT,
      CREATED_AT,
    ];
    funds.push(
      fundRow({
        ...{
          id: MOTHER,
          kind: 'mother',
          parent: null,
          code: 'MF',
          zh: '压测母基金',
          en: 'Stress Mother Fund',
          manager: 1,
          sponsor: 'soe',
          batch: null,
          fof: true,
        },
        ...{ decision: '2019-05-20', established: '2019-06-28', term: 15, invest: 8, target: 100 * YI, sectors: [...SECTOR_CODES], status: 'investing' },
        ...{ cap: null, override: false, k: 0, wRel: 0, wSub: 0, feeRate: 0.005 },
      }),
      fundRow({
        ...{
          id: DV,
          kind: 'direct_vehicle',
          parent: MOTHER,
          code: 'DV',
          zh: '压测直投平台',
          en: 'Stress Direct Vehicle',
          manager: 1,
          sponsor: 'soe',
          batch: null,
          fof: false,
        },
        ...{ decision: '2019-12-10', established: '2020-01-15', term: 12, invest: 6, target: 8 * YI, sectors: ['ai_chips'], status: 'investing' },
        ...{ cap: null, override: false, k: 0, wRel: 0, wSub: 0, feeRate: 0 },
      }),
    );
    interface Sub {
      id: number;
      batch: number;
      established: string | null;
      size: number;
      fof: boolean;
      investPeriod: number;
    }
    const subs: Sub[] = [];
    const fundRng = rng.fork('funds');
    for (let i = 0; i < SUB_FUND_COUNT; i++) {
      const id = 3 + i;
      const batch = 1 + Math.floor((i * BATCHES) / SUB_FUND_COUNT);
      const decision = addDays(addMonths('2019-08-01', (batch - 1) * 6), fundRng.int(0, 150));
      const setUp = batch < BATCHES - 1 || fundRng.chance(0.85);
      const established = setUp ? addDays(decision, fundRng.int(60, 300)) : null;
      const live = established !== null && established <= STRESS_END;
      const fof = i % 100 === 7;
      const investPeriod = fof ? 6 : fundRng.pick([4, 5]);
      const size = Math.round(fundRng.real(6, 26) * 10) * WAN10 * 100; // ¥0.6–2.6亿 to the 百万
      subs.push({ id, batch, established: live ? established : null, size, fof, investPeriod });
      funds.push(
        fundRow({
          ...{ id, kind: 'sub', parent: MOTHER, code: `S${String(i + 1).padStart(4, '0')}`, zh: `压测子基金${i + 1}号`, en: `Stress Sub-fund No. ${i + 1}` },
          ...{
            manager: 2 + (i % 319),
            sponsor: fundRng.pick(['soe', 'industry_leader', 'market']),
            batch,
            fof,
            decision,
            established: live ? established : null,
          },
          ...{ term: fof ? 12 : fundRng.pick([7, 8, 10]), invest: investPeriod, target: Math.round(size * fundRng.real(0.9, 1.1)) },
          ...{ sectors: fundRng.sample(SECTOR_CODES, fundRng.int(1, 3)), status: live ? (batch <= 3 ? 'harvesting' : 'investing') : 'approved' },
          ...{ cap: fundRng.pick([0.2, 0.25, 0.3]), override: fundRng.chance(0.3), k: fundRng.pick([0, 1, 1.2, 1.5, 2]), wRel: 0.8, wSub: 0.5 },
          feeRate: fof ? 0.01 : 0.02,
        }),
      );
    }
    const columns = ['id', 'kind', 'parent_fund_id', 'code', 'name_zh', 'name_en', 'manager_id', 'sponsor_type', 'batch', 'is_fund_of_funds', 'vintage'];
    await insert(
      'fund',
      [
        ...columns,
        ...['decision_date', 'established_date', 'term_years', 'investment_period_years', 'target_size_fen', 'sector_focus', 'status', 'gov_share_cap'],
        ...['gov_share_override_allowed', 'reinvest_k', 'reinvest_weight_registered', 'reinvest_weight_relocated', 'reinvest_weight_subsidiary'],
        ...['fee_basis', 'fee_rate', 'created_at', 'updated_at'],
      ],
      funds,
    );
    await insert(
      'fund_phase',
      ['fund_id', 'phase', 'name_zh', 'name_en', 'target_size_fen', 'status', 'planned_date'],
      [
        [MOTHER, 1, '一期', 'Phase 1', 100 * YI, 'closed', '2019-06-28'],
        [MOTHER, 2, '二期', 'Phase 2', 100 * YI, 'planned', '2027-06-30'],
        [MOTHER, 3, '三期', 'Phase 3', 100 * YI, 'planned', '2029-06-30'],
      ],
    );

    // Investors: the mother fund, the funds of funds, then 5,000 LPs of every source.
    const investors: Row[] = [[1, '压测母基金', 'Stress Mother Fund', 'mother_fund', MOTHER, null, CREATED_AT]];
    const fofInvestor = new Map<number, number>();
    let nextInvestor = 2;
    for (const s of subs.filter((x) => x.fof)) {
      fofInvestor.set(s.id, nextInvestor);
      investors.push([nextInvestor++, `压测子基金（母基金）${s.id}`, `Stress FoF ${s.id}`, 'soe', s.id, null, CREATED_AT]);
    }
    const firstLp = nextInvestor;
    const lpRng = rng.fork('lps');
    const sources: InvestorSource[] = INVESTOR_SOURCE_CODES.filter((c) => c !== 'mother_fund');
    const weights = [0.04, 0.2, 0.26, 0.34, 0.05, 0.11];
    const lpSource: InvestorSource[] = [];
    for (let i = 0; i < LP_COUNT; i++) {
      // The mother fund's own LPs come first, with fixed sources.
      const fixed: InvestorSource[] = ['fiscal', 'fiscal', 'soe', 'soe', 'soe', 'financial'];
      let source = fixed[i];
      if (!source) {
        let u = lpRng.next();
        source = sources[sources.length - 1] as InvestorSource;
        for (const [k, w] of weights.entries()) {
          if (u < w) {
            source = sources[k] as InvestorSource;
            break;
          }
          u -= w;
        }
      }
      lpSource.push(source);
      investors.push([firstLp + i, `压测出资人${i + 1}`, `Stress LP ${i + 1}`, source, null, null, CREATED_AT]);
    }
    await insert('investor', ['id', 'name_zh', 'name_en', 'source_type', 'fund_id', 'uscc', 'created_at'], investors);
    const fiscalPool = lpSource.flatMap((s, i) => (s === 'fiscal' && i >= 6 ? [firstLp + i] : []));
    const otherPool = lpSource.flatMap((s, i) => (s !== 'fiscal' && i >= 6 ? [firstLp + i] : []));

    // Commitments and flows.
    const commitments: Row[] = [];
    const calls: Row[] = [];
    const flows: Flow[] = [];
    const navs: Row[] = [];
    let callId = 1;

    const motherLps: Lp[] = [40, 10, 20, 15, 10, 5].map((yi, i) => ({ id: firstLp + i, fen: yi * YI, date: '2019-06-28' }));
    for (const lp of motherLps) commitments.push([MOTHER, lp.id, lp.fen, lp.date, 1, null]);
    postCalls(rng.fork('mother'), MOTHER, motherLps, '2019-07-15', [0.25, 0.25, 0.2, 0.15, 0.1], 9, flows, calls, () => callId++);

    const dvLps: Lp[] = [{ id: 1, fen: 8 * YI, date: '2020-01-15' }];
    commitments.push([DV, 1, 8 * YI, '2020-01-15', null, null]);
    postCalls(rng.fork('dv'), DV, dvLps, '2020-02-14', [0.2, 0.2, 0.15, 0.15, 0.1], 12, flows, calls, () => callId++);

    // Each fund of funds commits to four sub-funds set up after it.
    const fofTargets = new Map<number, number[]>();
    for (const s of subs.filter((x) => x.fof && x.established)) {
      const later = subs.filter((x) => !x.fof && x.established && s.established && x.established > addMonths(s.established, 3));
      for (const t of rng.fork(`fof-${s.id}`).sample(later, 4)) fofTargets.set(t.id, [...(fofTargets.get(t.id) ?? []), fofInvestor.get(s.id) ?? 0]);
    }

    for (const s of subs) {
      if (!s.established) continue;
      const r = rng.fork(`sub-${s.id}`);
      const lps: Lp[] = [];
      let left = s.size;
      const take = (share: number) => {
        const fen = Math.min(left, Math.round((s.size * share) / WAN10 / 10) * WAN10 * 10);
        left -= fen;
        return fen;
      };
      lps.push({ id: 1, fen: take(r.real(0.07, 0.12)), date: s.established });
      for (const inv of fofTargets.get(s.id) ?? []) lps.push({ id: inv, fen: take(r.real(0.04, 0.08)), date: s.established });
      if (r.chance(0.5)) lps.push({ id: r.pick(fiscalPool), fen: take(r.real(0.03, 0.08)), date: s.established });
      const others = r.sample(otherPool, r.int(46, 66));
      const w = others.map(() => r.real(0.5, 2));
      const wSum = w.reduce((a, b) => a + b, 0);
      const pool = left;
      for (const [k, id] of others.entries()) {
        const fen = k === others.length - 1 ? left : Math.min(left, Math.round((pool * (w[k] ?? 1)) / wSum / WAN10) * WAN10);
        if (fen <= 0) continue;
        left -= fen;
        lps.push({ id, fen, date: s.established });
      }
      // One in ten has a second close: a few LPs top up.
      if (r.chance(0.1)) {
        const second = addMonths(s.established, r.int(6, 12));
        for (const lp of r.sample(lps.slice(3), 5)) lps.push({ id: lp.id, fen: Math.round((lp.fen * 0.3) / WAN10) * WAN10, date: second });
      }
      for (const lp of lps) commitments.push([s.id, lp.id, lp.fen, lp.date, null, null]);

      const pcts: number[] = [];
      for (let called = 0; called < 1 - 1e-9; ) {
        const pct = Math.min(1 - called, r.pick([0.04, 0.05, 0.06, 0.08, 0.1]));
        pcts.push(pct);
        called += pct;
      }
      postCalls(r.fork('calls'), s.id, lps, addDays(s.established, r.int(10, 40)), pcts, r.int(2, 4), flows, calls, () => callId++);
      postFees(s.id, lps, s.established, s.fof ? 0.01 : 0.02, flows);
      if (s.established < '2022-06-30') postDistributions(r.fork('dist'), s.id, lps, s.established, flows);
      for (let d = addMonths(s.established, 3); d <= STRESS_END; d = addMonths(d, 3))
        navs.push([s.id, d, Math.round(s.size * r.real(0.2, 1.1)), 'GP quarterly report', CREATED_AT, null]);
    }
    // A few corrections: a duplicated contribution posted, then reversed.
    const fixRng = rng.fork('reversals');
    const n = flows.length;
    for (let i = 0; i < n; i++) {
      const f = flows[i];
      if (f?.kind === 'contribution' && fixRng.chance(0.003)) {
        flows.push({ ...f, memo: '重复录入' });
        flows.push({ ...f, amountFen: -f.amountFen, reverses: flows.length - 1, memo: '冲销重复录入' });
      }
    }
    log(`${flows.length.toLocaleString('en')} ledger rows generated; inserting`);

    await insert(
      'commitment',
      ['fund_id', 'investor_id', 'amount_fen', 'date', 'phase', 'override_reason', 'created_at'],
      commitments.map((c) => [...c.slice(0, 6), CREATED_AT]),
    );
    await insert('capital_call', ['id', 'fund_id', 'call_no', 'notice_date', 'due_date', 'total_fen', 'purpose', 'created_at'], calls);

    // Ids follow the business date, as in a ledger kept day by day; a reversal follows what it reverses.
    const order = flows
      .map((_, i) => i)
      .sort((a, b) => {
        const fa = flows[a] as Flow;
        const fb = flows[b] as Flow;
        return fa.date < fb.date ? -1 : fa.date > fb.date ? 1 : a - b;
      });
    const idOf = new Int32Array(flows.length);
    for (const [pos, i] of order.entries()) idOf[i] = pos + 1;
    const ledger: Row[] = order.map((i) => {
      const f = flows[i] as Flow;
      return [
        idOf[i] ?? 0,
        f.fundId,
        f.kind,
        f.investorId,
        f.companyId,
        f.amountFen,
        f.date,
        f.callId,
        f.reverses === undefined ? null : (idOf[f.reverses] ?? null),
        f.memo,
        CREATED_AT,
      ];
    });
    await insert(
      'ledger_entry',
      ['id', 'fund_id', 'kind', 'investor_id', 'company_id', 'amount_fen', 'date', 'call_id', 'reverses_id', 'memo', 'created_at'],
      ledger,
    );
    await insert('nav_statement', ['fund_id', 'date', 'nav_fen', 'source', 'created_at', 'created_by'], navs);

    return {
      counts: {
        funds: funds.length,
        investors: investors.length,
        commitments: commitments.length,
        calls: calls.length,
        ledgerRows: ledger.length,
        navStatements: navs.length,
      },
      output: { motherFundId: MOTHER, directVehicleId: DV, subFundIds: subs.map((s) => s.id), motherInvestorId: 1, firstLpId: firstLp, lpCount: LP_COUNT },
    };
  },
};

/** Calls at `firstNotice` and then every `everyMonths`, pro rata to the commitments in force, and the contributions that answer them. */
function postCalls(
  r: Random,
  fundId: number,
  lps: Lp[],
  firstNotice: string,
  pcts: number[],
  everyMonths: number,
  flows: Flow[],
  calls: Row[],
  nextId: () => number,
): void {
  let notice = firstNotice;
  for (const [n, pct] of pcts.entries()) {
    if (notice > STRESS_END) break;
    const due = addDays(notice, 15);
    const inForce = lps.filter((l) => l.date <= notice);
    const committed = inForce.reduce((a, l) => a + l.fen, 0);
    const total = Math.round((committed * pct) / 100) * 100;
    const id = nextId();
    calls.push([id, fundId, n + 1, notice, due, total, `第${n + 1}期出资`, CREATED_AT]);
    const parts = allocateProRata(
      total,
      inForce.map((l) => l.fen),
    );
    for (const [k, lp] of inForce.entries()) {
      const amountFen = parts[k] ?? 0;
      if (amountFen === 0) continue;
      flows.push({ fundId, kind: 'call', investorId: lp.id, companyId: null, amountFen, date: due, callId: id, memo: null });
      const paid = r.chance(0.08) ? addDays(due, r.int(3, 40)) : due;
      if (paid > STRESS_END || r.chance(0.003)) continue;
      flows.push({ fundId, kind: 'contribution', investorId: lp.id, companyId: null, amountFen, date: paid, callId: id, memo: null });
    }
    notice = addMonths(notice, everyMonths);
  }
}

function postFees(fundId: number, lps: Lp[], established: string, rate: number, flows: Flow[]): void {
  for (let year = 1; ; year++) {
    const date = addMonths(established, 12 * year);
    if (date > STRESS_END) break;
    for (const lp of lps) {
      const amountFen = Math.round(lp.fen * (year <= 5 ? rate : rate / 2));
      if (amountFen > 0 && lp.date < date) flows.push({ fundId, kind: 'fee', investorId: lp.id, companyId: null, amountFen, date, callId: null, memo: null });
    }
  }
}

function postDistributions(r: Random, fundId: number, lps: Lp[], established: string, flows: Flow[]): void {
  let date = addMonths(established, r.int(40, 52));
  const committed = lps.reduce((a, l) => a + l.fen, 0);
  for (let k = r.int(1, 4); k > 0 && date <= STRESS_END; k--) {
    const total = Math.round((committed * r.real(0.02, 0.1)) / 100) * 100;
    const parts = allocateProRata(
      total,
      lps.map((l) => l.fen),
    );
    for (const [i, lp] of lps.entries()) {
      const amountFen = parts[i] ?? 0;
      if (amountFen > 0) flows.push({ fundId, kind: 'distribution', investorId: lp.id, companyId: null, amountFen, date, callId: null, memo: null });
    }
    date = addMonths(date, r.int(5, 12));
  }
}
