import { addDays, addMonths, daysBetween, maxDate, minDate, quarterEnd } from '@highland/shared';
import type { CompaniesOutput } from './companies.js';
import { STRESS_END } from './fund-group.js';
import type { StressPart } from './index.js';
import type { Cell } from './insert.js';

const CREATED_AT = '2025-01-01T00:00:00.000Z';
const WAN10 = 10_000_000; // fen in ¥100k, the grain of stress amounts
const ROUNDS_PER_FUND = 52;

export interface InvestmentsOutput {
  investments: number;
}

/**
 * 30,000 rounds: 52 per investing sub-fund and the direct vehicle, over the companies part (a
 * fifth of them follow-ons, and firms shared between funds, as a look-through meets them); the
 * `investment` and `proceeds` ledger rows that carry their ids; exits of one position in eight (part or
 * whole); and approved half-yearly marks of every position while it is held.
 */
export const investmentsPart: StressPart<InvestmentsOutput> = {
  name: 'investments',
  async build({ tx, insert, rng, outputs, log }) {
    const companies = outputs.get('companies') as CompaniesOutput | undefined;
    if (!companies) throw new Error('investments needs the companies part first');
    const funds = (
      await tx.execute(`SELECT f.id, f.established_date AS est, f.investment_period_years AS years, COALESCE(SUM(c.amount_fen), 0) AS size
        FROM fund f LEFT JOIN commitment c ON c.fund_id = f.id
        WHERE f.kind <> 'mother' AND f.is_fund_of_funds = 0 AND f.established_date IS NOT NULL GROUP BY f.id ORDER BY f.id`)
    ).rows.map((r) => ({ id: Number(r.id), est: String(r.est), years: Number(r.years ?? 5), size: Number(r.size) }));
    // A pool a little smaller than the companies part, so some firms are held by several funds.
    const poolSize = Math.min(companies.count, 60_000);
    const investments: Cell[][] = [];
    const ledger: Cell[][] = [];
    const exits: Cell[][] = [];
    const marks: Cell[][] = [];
    let id = 0;
    for (const f of funds) {
      const r = rng.fork(`fund-${f.id}`);
      const from = addDays(f.est, 60);
      const to = minDate(addMonths(f.est, 12 * f.years), addDays(STRESS_END, -90));
      if (from >= to) continue;
      const span = daysBetween(from, to);
      const each = (f.size * 0.6) / ROUNDS_PER_FUND;
      const positions: Array<{ company: number; rounds: Array<{ id: number; date: string; amount: number; share: number }> }> = [];
      for (let k = 0; k < ROUNDS_PER_FUND; k++) {
        const date = addDays(from, Math.floor(span * r.next()));
        const amount = Math.max(WAN10, Math.round((each * r.real(0.4, 1.6)) / WAN10) * WAN10);
        const share = Math.min(0.3, amount / (r.real(3, 40) * 10_000_000_000));
        const follow = positions.length > 3 && r.chance(0.2) ? r.pick(positions) : null;
        const pos = follow ?? { company: companies.firstId + r.int(0, poolSize - 1), rounds: [] };
        if (!follow) positions.push(pos);
        const inv = { id: ++id, date: follow ? maxDate(date, pos.rounds[0]?.date ?? date) : date, amount, share };
        pos.rounds.push(inv);
        investments.push([
          inv.id,
          f.id,
          pos.company,
          inv.date,
          follow ? 'b' : 'a',
          'preferred_equity',
          amount,
          share,
          null,
          null,
          '[]',
          null,
          CREATED_AT,
          null,
        ]);
        ledger.push([f.id, 'investment', null, pos.company, inv.id, amount, inv.date, CREATED_AT]);
      }
      for (const p of positions) {
        const first = p.rounds.reduce((a, x) => minDate(a, x.date), '9999-12-31');
        const quality = r.real(-0.25, 0.45);
        // One position in eight is sold, in part or whole, two to four years in.
        const exitDate = r.chance(0.125) ? addMonths(first, r.int(24, 48)) : null;
        const exitDone = exitDate !== null && exitDate <= STRESS_END && p.rounds.every((x) => x.date <= exitDate);
        const whole = r.chance(0.6);
        const cost = p.rounds.reduce((a, x) => a + x.amount, 0);
        const held = p.rounds.reduce((a, x) => a + x.share, 0);
        if (exitDone && exitDate) {
          const multiple = Math.exp((quality * daysBetween(first, exitDate)) / 365);
          const part = whole ? 1 : 0.5;
          const proceeds = Math.round(cost * multiple * part);
          exits.push([f.id, p.company, exitDate, whole ? 'ma' : 'secondary', held * part, proceeds, null, CREATED_AT, null]);
          // Split pro rata to the rounds' shares, the last round taking the rounding.
          let left = proceeds;
          p.rounds.forEach((x, i) => {
            const amt = i === p.rounds.length - 1 ? left : Math.round((proceeds * x.share) / held);
            left -= amt;
            if (amt > 0) ledger.push([f.id, 'proceeds', null, p.company, x.id, amt, exitDate, CREATED_AT]);
          });
        }
        for (let d = quarterEnd(addMonths(first, 5)); d <= STRESS_END; d = quarterEnd(addMonths(d, 6))) {
          if (exitDone && exitDate && whole && d >= exitDate) break;
          const invested = p.rounds.reduce((a, x) => (x.date <= d ? a + x.amount : a), 0);
          const kept = exitDone && exitDate && d >= exitDate ? 0.5 : 1;
          const value = Math.round(invested * kept * Math.exp(quality * (daysBetween(first, d) / 365) + r.real(-0.1, 0.1)));
          marks.push([f.id, p.company, d, value, 'comparables', 'stress mark', 'approved', CREATED_AT, null, CREATED_AT, null, null]);
        }
      }
    }
    log(`${investments.length.toLocaleString('en')} rounds, ${marks.length.toLocaleString('en')} marks generated; inserting`);
    await insert(
      'investment',
      [
        'id',
        'fund_id',
        'company_id',
        'date',
        'round',
        'instrument',
        'amount_fen',
        'equity_share',
        'round_size_fen',
        'post_money_fen',
        'co_investors',
        'memo',
        'created_at',
        'created_by',
      ],
      investments,
    );
    await insert('investment_exit', ['fund_id', 'company_id', 'date', 'route', 'share_sold', 'proceeds_fen', 'memo', 'created_at', 'created_by'], exits);
    await insert('ledger_entry', ['fund_id', 'kind', 'investor_id', 'company_id', 'investment_id', 'amount_fen', 'date', 'created_at'], ledger);
    await insert(
      'valuation',
      ['fund_id', 'company_id', 'date', 'value_fen', 'method', 'basis', 'status', 'created_at', 'created_by', 'reviewed_at', 'reviewed_by', 'review_note'],
      marks,
    );
    return {
      counts: { investments: investments.length, exits: exits.length, ledgerRows: ledger.length, valuations: marks.length },
      output: { investments: investments.length },
    };
  },
};
