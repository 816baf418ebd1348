import { DEAL_SOURCE_CODES, ROUND_CODES, searchText, stageOrder } from '@highland/shared';
import type { CompaniesOutput } from './companies.js';
import type { FundGroupOutput } from './fund-group.js';
import type { StressPart } from './index.js';

export const DEAL_COUNT = 300_000;
/** One sub-fund carries this many deals (the board benchmark's "fund with 5k deals"). */
export const BIG_FUND_DEALS = 5_000;

export interface DealsOutput {
  firstId: number;
  count: number;
  /** The sub-fund with BIG_FUND_DEALS deals, and one of its managers. */
  bigFundId: number;
  bigFundManagerId: number;
}

const OPEN = stageOrder('direct');
/** Where the stress deals stand: most passed, a few invested, the rest open or held. */
const STAGE_WEIGHTS: Array<[string, number]> = [
  ['passed', 58],
  ['invested', 4],
  ['on_hold', 5],
  ['sourced', 8],
  ['screening', 9],
  ['due_diligence', 9],
  ['committee', 3],
  ['term_sheet', 2],
  ['closing', 2],
];
const NEXT_STEPS = ['安排创始人路演', '完成财务尽调', '提交投决会材料', '签署投资协议', '客户访谈', '技术专家评审'];

/**
 * The pipeline's part of the stress set: 300,000 deals over the 100,000 companies and 600 sub-funds
 * (one sub-fund with 5,000 of them), two managers per sub-fund as owners, each deal's first and latest
 * stage events (~600,000), and the full-text index of every company and of the open deals' next steps.
 */
export const dealsPart: StressPart<DealsOutput> = {
  name: 'deals',
  async build({ tx, insert, rng, outputs, log }) {
    const companies = outputs.get('companies') as CompaniesOutput;
    const group = outputs.get('fund-group') as FundGroupOutput;
    const funds = group.subFundIds;
    const createdAt = '2025-01-01T00:00:00.000Z';

    // Two managers per sub-fund, to own its deals.
    const users: Array<Array<string | number | null>> = [];
    const links: Array<Array<number>> = [];
    for (const [i, fundId] of funds.entries())
      for (let k = 0; k < 2; k++) {
        const id = 1000 + i * 2 + k;
        users.push([id, `stress.f${fundId}.m${k}@bench.highland`, `压测投资经理 ${i}-${k}`, 'manager', 'x', createdAt]);
        links.push([id, fundId]);
      }
    await insert('user', ['id', 'email', 'name', 'role', 'password_hash', 'created_at'], users);
    await insert('user_fund', ['user_id', 'fund_id'], links);

    const total = STAGE_WEIGHTS.reduce((s, [, w]) => s + w, 0);
    const pickStage = () => {
      let x = rng.real(0, total);
      for (const [s, w] of STAGE_WEIGHTS) {
        x -= w;
        if (x < 0) return s;
      }
      return 'passed';
    };
    const day = (from: string, days: number) => new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString();
    const taken = new Set<number>();
    const deals: Array<Array<string | number | null>> = [];
    const events: Array<Array<string | number | null>> = [];
    const texts: Array<Array<string | number>> = [];
    let eventId = 1;
    for (let i = 0; i < DEAL_COUNT; i++) {
      const fi = i < BIG_FUND_DEALS ? 0 : 1 + ((i - BIG_FUND_DEALS) % (funds.length - 1));
      const fundId = funds[fi] as number;
      let companyId = 0;
      for (;;) {
        companyId = companies.firstId + rng.int(0, companies.count - 1);
        const key = companyId * 1000 + fi;
        if (!taken.has(key)) {
          taken.add(key);
          break;
        }
      }
      const id = i + 1;
      const stage = pickStage();
      const side = stage === 'passed' || stage === 'on_hold';
      const previous = side ? (OPEN[rng.int(0, 3)] as string) : null;
      const created = day('2019-07-01', rng.int(0, 2640));
      const entered = day(created.slice(0, 10), rng.int(0, 200));
      const ranked = OPEN.indexOf(stage as never) >= 3 || stage === 'invested';
      const scored = ranked || (stage === 'due_diligence' && rng.chance(0.4));
      const amount = ranked || rng.chance(0.55) ? rng.int(20, 3000) * 100 * 1_000_000 : null;
      const open = !side && stage !== 'invested';
      const nextStep = open ? (rng.pick(NEXT_STEPS) as string) : null;
      const owner = 1000 + fi * 2 + rng.int(0, 1);
      deals.push([
        id,
        fundId,
        'direct',
        companyId,
        stage,
        previous,
        entered,
        owner,
        rng.pick(DEAL_SOURCE_CODES),
        rng.pick(ROUND_CODES),
        amount,
        amount && rng.chance(0.6) ? amount * rng.int(6, 25) : null,
        nextStep,
        open ? entered.slice(0, 10) : null,
        scored ? Math.round(rng.real(1.5, 4.8) * 100) / 100 : null,
        ranked ? 1 : 0,
        rng.int(1, 6),
        created,
        entered,
      ]);
      events.push([eventId++, id, null, 'sourced', 'create', null, created, owner, 'stress']);
      if (stage !== 'sourced')
        events.push([
          eventId++,
          id,
          previous ?? 'sourced',
          stage,
          side ? (stage === 'passed' ? 'pass' : 'hold') : 'advance',
          stage === 'passed' ? '估值过高' : null,
          entered,
          owner,
          'stress',
        ]);
      if (nextStep) {
        texts.push([id, searchText(nextStep)]);
      }
    }
    log('inserting');
    // Bulk load: drop the secondary indexes, insert, build them again (sorting once beats 300k random B-tree inserts).
    const indexes = await tx.execute(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('deal', 'deal_stage_event') AND sql IS NOT NULL",
    );
    for (const ix of indexes.rows) await tx.execute(`DROP INDEX "${String(ix.name)}"`);
    await insert(
      'deal',
      [
        'id',
        'fund_id',
        'pipeline',
        'company_id',
        'stage',
        'previous_stage',
        'stage_entered_at',
        'owner_id',
        'source',
        'round',
        'amount_fen',
        'pre_money_fen',
        'next_step',
        'next_step_date',
        'score',
        'score_complete',
        'version',
        'created_at',
        'updated_at',
      ],
      deals,
    );
    await insert('deal_stage_event', ['id', 'deal_id', 'from_stage', 'to_stage', 'kind', 'reason', 'at', 'actor_user_id', 'actor_label'], events);
    for (const ix of indexes.rows) await tx.execute(String(ix.sql));
    await insert('deal_text_search', ['rowid', 'body'], texts);

    // The companies' full-text rows (the companies part writes names only).
    log('indexing company names');
    const rs = await tx.execute('SELECT id, uscc, name_zh, name_en FROM company');
    const docs = rs.rows.map((r) => {
      return [Number(r.id), searchText(String(r.name_zh), r.name_en === null ? null : String(r.name_en), r.uscc === null ? null : String(r.uscc))];
    });
    await insert('company_search', ['rowid', 'body'], docs);
    return {
      counts: { deals: deals.length, stageEvents: events.length, searchRows: texts.length + docs.length, managers: users.length },
      output: { firstId: 1, count: deals.length, bigFundId: funds[0] as number, bigFundManagerId: 1000 },
    };
  },
};
