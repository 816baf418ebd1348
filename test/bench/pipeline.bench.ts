import type { Actor } from '@highland/server';
import { fundScopeOf } from '@highland/server/context';
import { command, readCtx } from '@highland/server/data/ctx';
import { commitImport } from '@highland/server/data/deal-import';
import { boardOf, listDeals } from '@highland/server/data/deal-list';
import { readImportFile } from '@highland/server/data/import-file';
import { csvLine, type DealList, normaliseCompanyName, searchText, suggestMapping } from '@highland/shared';
import { defineBench } from './harness.js';
import { makeUscc } from '@highland/server/demo/uscc';
import { type Cell, insertRows } from './stress/insert.js';

const actor = (over: Partial<Actor>): Actor => ({
  userId: 1000,
  email: 'bench@bench.highland',
  name: 'bench',
  role: 'government',
  investorId: null,
  managedFundIds: [],
  managesMotherFund: false,
  rights: [],
  locale: 'zh-CN',
  mustChangePassword: false,
  ...over,
});

/** The table query: a reviewer's view of every fund, filtered by stage and sector, by proposed amount. */
const TABLE: Omit<DealList, 'cursor'> = {
  filter: { pipeline: 'direct', stages: ['due_diligence', 'committee', 'term_sheet', 'closing'], sectors: ['ai_chips', 'ai_algorithms'] },
  sort: { field: 'amountFen', dir: 'desc' },
  limit: 50,
};
const TABLE_SQL = `SELECT d.id, d.version, d.fund_id, f.code, d.pipeline, d.company_id, c.name_zh, c.name_en, c.uscc, c.sector, c.zone, c.ownership,
  c.registered_in_shanghai, d.proposal_name_zh, d.proposal_name_en, m.name_zh AS applicant_zh, m.name_en AS applicant_en, d.stage, d.previous_stage,
  d.stage_entered_at, d.owner_id, u.name AS owner_name, d.source, d.round, d.amount_fen, d.pre_money_fen, d.score, d.score_complete, d.next_step,
  d.next_step_date, d.created_at, d.updated_at, d.amount_fen AS sort_value
FROM deal d JOIN fund f ON f.id = d.fund_id LEFT JOIN company c ON c.id = d.company_id LEFT JOIN user u ON u.id = d.owner_id LEFT JOIN manager m ON m.id = d.applicant_id
WHERE d.pipeline = 'direct' AND d.stage IN ('due_diligence', 'committee', 'term_sheet', 'closing') AND c.sector IN ('ai_chips', 'ai_algorithms')
  AND ((d.amount_fen < ?1 OR (d.amount_fen = ?1 AND d.id < ?2)) OR d.amount_fen IS NULL)
ORDER BY d.amount_fen DESC, d.id DESC LIMIT 51`;

const BOARD_TOTALS = `SELECT stage, count(*) AS n, sum(amount_fen) AS amount FROM deal WHERE fund_id = ?1 AND pipeline = 'direct' GROUP BY stage`;
const BOARD_STAGES = ['sourced', 'screening', 'due_diligence', 'committee', 'term_sheet', 'closing', 'invested', 'on_hold', 'passed'];
const boardCards = (
  recent: boolean,
) => `SELECT d.id, d.version, d.stage, d.previous_stage, d.stage_entered_at, d.company_id, coalesce(c.name_zh, d.proposal_name_zh) AS name_zh,
  coalesce(c.name_en, d.proposal_name_en) AS name_en, c.sector, c.zone, d.amount_fen, d.score, d.score_complete, u.name AS owner_name, d.round, d.next_step, d.next_step_date
FROM deal d LEFT JOIN company c ON c.id = d.company_id LEFT JOIN user u ON u.id = d.owner_id
WHERE d.fund_id = ?1 AND d.pipeline = 'direct' AND d.stage = ?2
ORDER BY ${recent ? 'd.stage_entered_at DESC, d.id DESC' : 'd.score DESC, d.stage_entered_at ASC, d.id DESC'} LIMIT 60`;
const CARDS_BY_SCORE = boardCards(false);
const CARDS_RECENT = boardCards(true);

const IMPORT_ROWS = 100_000;
const HEADERS = [
  '统一社会信用代码',
  '企业名称',
  '英文名称',
  '行业领域',
  '所在区域',
  '企业性质',
  '项目阶段',
  '项目来源',
  '拟投金额（万元）',
  '投前估值（万元）',
  '备注',
];
const SECTORS = ['AI芯片', '传感器', 'AI算法', '智能驾驶', '智能机器人', '大数据'];

/** A 100,000-row import file of companies new to the stress set; `run` keeps every file's codes distinct. */
function importFile(run: number): { bytes: Uint8Array; rows: string[][] } {
  const rows: string[][] = [];
  for (let i = 0; i < IMPORT_ROWS; i++) {
    const n = run * IMPORT_ROWS + i;
    rows.push([
      makeUscc('310115', 30_000_000 + n),
      `上海导入${n}号智能科技有限公司`,
      `Shanghai Import ${n} Intelligence Co., Ltd.`,
      SECTORS[n % SECTORS.length] as string,
      '浦东张江',
      '民营',
      n % 3 ? '新项目' : '初筛',
      '主动挖掘',
      String(100 + (n % 5000)),
      String(5000 + (n % 90000)),
      `第${n}号导入项目，来自年度项目征集`,
    ]);
  }
  const text = [HEADERS, ...rows].map((r) => csvLine(r)).join('');
  return { bytes: new TextEncoder().encode(text), rows };
}

export default defineBench({
  id: 'pipeline',
  title: 'Pipeline: table page, board, import',
  about:
    'On the stress set’s 300,000 deals over 100,000 companies and 600 sub-funds. **Table page**: the second page (keyset cursor) of 50 deals a reviewer sees across every fund, filtered by four stages and two sectors, sorted by proposed amount — `listDeals` against the same SELECT sent as raw SQL. **Board**: a sub-fund with 5,000 deals, every column’s count and amount plus its first 60 cards — `boardOf` against the same statements (one `GROUP BY`, one query per column) as raw SQL. **Import**: a 100,000-row CSV of new companies into one sub-fund, all or nothing — `readImportFile` + `commitImport` (decode, parse, check every cell and row, look up existing companies and deals, write companies, deals, stage events, notes and the full-text index in one transaction, one audit event) against inserting the same rows with multi-row `INSERT … VALUES` in one raw transaction, with no checks. Writes go to a private copy of the stress set, copied afresh (untimed) before every run of either side, so each run imports into the same database.',
  async prepare(ctx) {
    const db = await ctx.openDb();
    const gov = actor({ role: 'government' });
    /** The read context of an actor on the stress set, scoped as a request would be. */
    const readOf = (a: Actor) => readCtx({ db, actor: a, now: () => new Date(), scope: fundScopeOf(db, a) });
    const first = await listDeals(readOf(gov), { ...TABLE, cursor: null });
    const cursor = first.nextCursor;
    if (!cursor) throw new Error('the table benchmark needs a second page');
    const big = await db.$client.execute(`SELECT fund_id, count(*) AS n FROM deal GROUP BY fund_id ORDER BY n DESC LIMIT 1`);
    const bigFund = Number(big.rows[0]?.fund_id);
    const manager = actor({ role: 'manager', managedFundIds: [bigFund] });

    // Import: a private copy, a sub-fund with few deals, its manager.
    let copy = await ctx.copyDb();
    const target = Number((await copy.$client.execute(`SELECT fund_id FROM deal GROUP BY fund_id ORDER BY count(*) ASC LIMIT 1`)).rows[0]?.fund_id);
    const importer = actor({
      role: 'manager',
      managedFundIds: [target],
      userId: Number((await copy.$client.execute({ sql: 'SELECT user_id FROM user_fund WHERE fund_id = ?', args: [target] })).rows[0]?.user_id),
    });
    const mapping = suggestMapping(HEADERS);
    // Files made before timing: generating them is not the import.
    const files = Array.from({ length: 2 }, (_, i) => importFile(i));
    let runs = 0;
    // Every run starts from a fresh copy, so the files can take turns.
    const nextFile = () => files[runs++ % files.length] as { bytes: Uint8Array; rows: string[][] };
    const now = () => new Date('2026-11-15T04:00:00Z');

    return {
      cases: [
        {
          name: 'table page 2 (keyset), 300k deals, stage + sector filter, by amount',
          run: async () => (await listDeals(readOf(gov), { ...TABLE, cursor })).items.map((r) => r.id),
          baseline: {
            name: 'raw SQL keyset page',
            run: async () => (await db.$client.execute({ sql: TABLE_SQL, args: [cursor.v as number, cursor.id] })).rows.slice(0, 50).map((r) => Number(r.id)),
          },
          same: (a, b) => (JSON.stringify(a) === JSON.stringify(b) ? null : 'different pages'),
          iterations: 40,
        },
        {
          name: `board of a sub-fund with 5,000 deals`,
          run: async () => {
            const b = await boardOf(readOf(manager), { fundId: bigFund, pipeline: 'direct', perColumn: 60 });
            return b.columns.reduce((s, c) => s + c.count, 0);
          },
          baseline: {
            name: 'raw SQL totals + a query per column',
            run: async () => {
              const totals = await db.$client.execute({ sql: BOARD_TOTALS, args: [bigFund] });
              for (const stage of BOARD_STAGES)
                await db.$client.execute({ sql: ['invested', 'on_hold', 'passed'].includes(stage) ? CARDS_RECENT : CARDS_BY_SCORE, args: [bigFund, stage] });
              return totals.rows.reduce((s, r) => s + Number(r.n), 0);
            },
          },
          same: (a, b) => (a === b ? null : `${String(a)} ≠ ${String(b)} deals`),
          iterations: 30,
        },
        {
          name: 'import 100,000 rows (CSV), all or nothing',
          // Each run of either side starts from the stress set as built (a fresh copy, not timed).
          reset: async () => {
            copy = await ctx.recopyDb(copy);
          },
          run: async () => {
            const { bytes } = nextFile();
            const table = await readImportFile(bytes);
            const r = await command({ db: copy, actor: importer, now }, commitImport, { fundId: target, fileName: 'bench.csv', table, mapping });
            return r.dealsCreated;
          },
          baseline: {
            name: 'raw multi-row INSERT of the same rows, no checks',
            run: async () => {
              const { rows } = nextFile();
              const at = now().toISOString();
              const tx = await copy.$client.transaction('write');
              try {
                // Ids given explicitly (a raw load would), continuing where the tables are.
                let companyId = Number((await tx.execute('SELECT coalesce(max(id), 0) AS m FROM company')).rows[0]?.m);
                let dealId = Number((await tx.execute('SELECT coalesce(max(id), 0) AS m FROM deal')).rows[0]?.m);
                const companies: Cell[][] = [];
                const deals: Cell[][] = [];
                const events: Cell[][] = [];
                const notes: Cell[][] = [];
                const companyDocs: Cell[][] = [];
                const dealDocs: Cell[][] = [];
                for (const r of rows) {
                  const cid = ++companyId;
                  const did = ++dealId;
                  companies.push([
                    cid,
                    r[0] as string,
                    r[1] as string,
                    normaliseCompanyName(r[1] as string),
                    r[2] as string,
                    'ai_chips',
                    'pudong_zhangjiang',
                    1,
                    'private',
                    at,
                    at,
                  ]);
                  deals.push([did, target, 'direct', cid, 'sourced', at, 'outbound', Number(r[8]) * 1_000_000, Number(r[9]) * 1_000_000, at, at]);
                  events.push([did, null, 'sourced', 'import', at, importer.userId, importer.email]);
                  notes.push([did, importer.userId, importer.email, r[10] as string, at]);
                  companyDocs.push([cid, searchText(r[1], r[2], r[0])]);
                  dealDocs.push([did, searchText(r[10])]);
                }
                await insertRows(
                  tx,
                  'company',
                  ['id', 'uscc', 'name_zh', 'name_norm', 'name_en', 'sector', 'zone', 'registered_in_shanghai', 'ownership', 'created_at', 'updated_at'],
                  companies,
                );
                await insertRows(
                  tx,
                  'deal',
                  ['id', 'fund_id', 'pipeline', 'company_id', 'stage', 'stage_entered_at', 'source', 'amount_fen', 'pre_money_fen', 'created_at', 'updated_at'],
                  deals,
                );
                await insertRows(tx, 'deal_stage_event', ['deal_id', 'from_stage', 'to_stage', 'kind', 'at', 'actor_user_id', 'actor_label'], events);
                await insertRows(tx, 'deal_note', ['deal_id', 'author_id', 'author_label', 'body', 'at'], notes);
                await insertRows(tx, 'company_search', ['rowid', 'body'], companyDocs);
                await insertRows(tx, 'deal_text_search', ['rowid', 'body'], dealDocs);
                await tx.commit();
              } catch (e) {
                tx.close();
                throw e;
              }
              return rows.length;
            },
          },
          same: (a, b) => (a === b ? null : `${String(a)} ≠ ${String(b)} rows`),
          iterations: 5,
          warmup: 1,
        },
      ],
    };
  },
});
