import { readCtx, systemCaller } from '@highland/server/data/ctx';
import { listingBoard } from '@highland/server/data/plan/listing';
import { scoreboard, scoreboardDrill } from '@highland/server/data/plan/scoreboard';
import { latestCompleteYear, SECTOR_CODES } from '@highland/shared';
import { defineBench } from './harness.js';
import { STRESS_END } from './stress/fund-group.js';

const AS_OF = STRESS_END;
const PROGRAMME = 2; // SH-AI-2022 in the stress set: 2022-01-01 to 2026-12-31
const START = '2022-01-01';
const FOCUS = SECTOR_CODES.map((s) => `'${s}'`).join(', ');
const YEAR = String(latestCompleteYear(AS_OF));

/** Firms held on AS_OF by at least one fund (bought less sold above zero), in hand-written SQL. */
const HELD = `
  b AS (SELECT fund_id, company_id, SUM(equity_share) AS s FROM investment WHERE date <= ?1 GROUP BY fund_id, company_id),
  x AS (SELECT fund_id, company_id, SUM(share_sold) AS s FROM investment_exit WHERE date <= ?1 GROUP BY fund_id, company_id),
  held AS (SELECT DISTINCT b.company_id AS id FROM b LEFT JOIN x ON x.fund_id = b.fund_id AND x.company_id = b.company_id
           WHERE b.s - COALESCE(x.s, 0) > b.s * 1e-9),
  focus AS (SELECT held.id FROM held JOIN company c ON c.id = held.id WHERE c.sector IN (${FOCUS})),
  k AS (SELECT company_id, output_value_fen AS v FROM (
          SELECT company_id, output_value_fen, ROW_NUMBER() OVER (PARTITION BY company_id ORDER BY id DESC) AS rn
          FROM kpi_snapshot WHERE period = '${YEAR}' AND output_value_fen IS NOT NULL) WHERE rn = 1)`;

type Headline = Record<string, number>;

export default defineBench({
  id: 'scoreboard',
  title: 'Plan scoreboard: targets, trend and drill-down',
  about: `On the stress set (600 sub-funds, ~33,800 commitments, ~30,000 rounds with exits, ~82,000 KPI snapshots, ~3,300 designations, 800 listing attempts), as of ${AS_OF}. The scoreboard of a programme computes every target's figure at the date and at each quarter end since the programme's start (the trend, 21 dates) with its projection; it is measured twice: against the six headline figures at the one date in hand-written SQL (checked equal to the scoreboard's, an independent computation, but a twenty-first of the work the trend needs), and against merely reading, with hand-written SQL, the rows the scoreboard reads (commitments by date and fund, every round and exit, the focus firms, five years of KPI output values, designations, listings) — no scoreboard can be cheaper than that. The output-value drill-down (the firms behind the figure and the gaps with their last reported year) is compared with the same list in one SQL statement; the listing board (every attempt's timeline) with reading its rows.`,
  async prepare(ctx) {
    const db = await ctx.openDb();
    const c = db.$client;
    const headlineSql = async (): Promise<Headline> => {
      const one = async (sql: string, args: Array<string | number> = [AS_OF]) => Number((await c.execute({ sql, args })).rows[0]?.[0] ?? 0);
      const [mother, members, direct, designations, listings, output] = await Promise.all([
        one(`SELECT COALESCE(SUM(c.amount_fen), 0) FROM commitment c JOIN fund f ON f.id = c.fund_id
             WHERE f.kind = 'mother' AND MAX(c.date, f.established_date) <= ?1`),
        one(`SELECT COALESCE(SUM(c.amount_fen), 0) FROM commitment c JOIN fund f ON f.id = c.fund_id JOIN investor i ON i.id = c.investor_id
             LEFT JOIN fund g ON g.id = i.fund_id
             WHERE f.kind <> 'mother' AND (g.id IS NULL OR g.kind = 'mother') AND MAX(c.date, f.established_date) <= ?1`),
        one(`SELECT COALESCE(SUM(l.amount_fen), 0) FROM ledger_entry l JOIN fund f ON f.id = l.fund_id
             WHERE f.kind = 'mother' AND l.kind = 'investment' AND l.date <= ?1`),
        c.execute({
          sql: `SELECT level, COUNT(DISTINCT company_id) FROM designation
                WHERE effective_on <= ?1 AND (revoked_on IS NULL OR revoked_on > ?1) GROUP BY level`,
          args: [AS_OF],
        }),
        one(
          `SELECT COUNT(DISTINCT a.company_id) FROM listing_event e JOIN listing_attempt a ON a.id = e.attempt_id
           WHERE e.kind = 'listed' AND e.date >= ?2 AND e.date <= ?1`,
          [AS_OF, START],
        ),
        one(`WITH ${HELD} SELECT COALESCE(SUM(k.v), 0) FROM k WHERE k.company_id IN (SELECT id FROM focus)`),
      ]);
      const level = (l: string) => Number(designations.rows.find((r) => r[0] === l)?.[1] ?? 0);
      return {
        mother_fund_size: mother,
        fund_group_size: members + direct,
        leader_firms: level('leader'),
        benchmark_firms: level('benchmark'),
        output_value: output,
        star_listings: listings,
      };
    };
    const drillSql = async () => {
      const r = await c.execute({
        sql: `WITH ${HELD},
          last AS (SELECT company_id, period, output_value_fen FROM (
            SELECT company_id, period, output_value_fen, ROW_NUMBER() OVER (PARTITION BY company_id ORDER BY period DESC, id DESC) AS rn
            FROM kpi_snapshot WHERE length(period) = 4 AND period < '${YEAR}' AND output_value_fen IS NOT NULL) WHERE rn = 1)
          SELECT f.id, co.name_zh, co.sector, co.zone, k.v, last.period, last.output_value_fen
          FROM focus f JOIN company co ON co.id = f.id LEFT JOIN k ON k.company_id = f.id
          LEFT JOIN last ON last.company_id = f.id AND k.v IS NULL`,
        args: [AS_OF],
      });
      const firms = r.rows.filter((x) => x[4] !== null);
      return { firms: firms.length, gaps: r.rows.length - firms.length, total: firms.reduce((a, x) => a + Number(x[4]), 0) };
    };
    return {
      cases: [
        {
          name: 'scoreboard of a programme: 6 targets at the date + 21-point trend and projection',
          run: async () => {
            const s = await scoreboard(readCtx(systemCaller(db)), { programmeId: PROGRAMME, asOf: AS_OF });
            return Object.fromEntries(s.metrics.map((m) => [m.metric, m.value]));
          },
          baseline: { name: 'raw SQL: the 6 headline figures at the date only', run: headlineSql },
          same: (a, b) => (JSON.stringify(a) === JSON.stringify(b) ? null : `scoreboard ${JSON.stringify(a)} ≠ SQL ${JSON.stringify(b)}`),
          iterations: 9,
        },
        {
          name: 'the same scoreboard',
          run: async () => (await scoreboard(readCtx(systemCaller(db)), { programmeId: PROGRAMME, asOf: AS_OF })).dates.length,
          baseline: {
            name: 'raw SQL: reading the rows it reads (no computing)',
            run: async () => {
              const years = [2021, 2022, 2023, 2024, 2025].map((y) => `'${y}'`).join(', ');
              await Promise.all([
                c.execute(`SELECT c.date, c.fund_id, f.kind, SUM(c.amount_fen) FROM commitment c JOIN fund f ON f.id = c.fund_id GROUP BY c.date, c.fund_id`),
                c.execute(`SELECT fund_id, company_id, date, SUM(equity_share) FROM investment GROUP BY fund_id, company_id, date`),
                c.execute(`SELECT fund_id, company_id, date, SUM(share_sold) FROM investment_exit GROUP BY fund_id, company_id, date`),
                c.execute(`SELECT id FROM company WHERE sector IN (${FOCUS}) AND id IN (SELECT company_id FROM investment)`),
                c.execute(`SELECT id, company_id, period, output_value_fen FROM kpi_snapshot WHERE period IN (${years}) AND output_value_fen IS NOT NULL`),
                c.execute(`SELECT id, company_id, level, effective_on, revoked_on FROM designation WHERE effective_on IS NOT NULL`),
                c.execute(`SELECT a.id, a.company_id, e.date FROM listing_event e JOIN listing_attempt a ON a.id = e.attempt_id WHERE e.kind = 'listed'`),
              ]);
              return 21;
            },
          },
          same: (a, b) => (a === b ? null : `${String(a)} trend dates, expected ${String(b)}`),
          iterations: 9,
        },
        {
          name: 'drill-down: output value, the firms behind it and the gaps',
          run: async () => {
            const d = await scoreboardDrill(readCtx(systemCaller(db)), { programmeId: PROGRAMME, metric: 'output_value', asOf: AS_OF });
            return d.kind === 'firms' ? { firms: d.rows.length, gaps: d.gaps.length, total: d.totalFen } : null;
          },
          baseline: { name: 'raw SQL: the same list in one statement', run: drillSql },
          same: (a, b) => (JSON.stringify(a) === JSON.stringify(b) ? null : `drill ${JSON.stringify(a)} ≠ SQL ${JSON.stringify(b)}`),
          iterations: 9,
        },
        {
          name: 'listing board: 800 attempts with their timelines',
          run: async () => (await listingBoard(readCtx(systemCaller(db)), { firms: 'all', asOf: AS_OF })).attempts.length,
          baseline: {
            name: 'raw SQL: the attempts and their events',
            run: async () => {
              const [a] = await Promise.all([
                c.execute({ sql: `SELECT * FROM listing_attempt WHERE opened_on <= ?`, args: [AS_OF] }),
                c.execute(`SELECT * FROM listing_event ORDER BY attempt_id, id`),
                c.execute({ sql: `SELECT id, name_zh, name_en, sector, zone FROM company WHERE id IN (SELECT company_id FROM listing_attempt)` }),
              ]);
              return a.rows.length;
            },
          },
          same: (a, b) => (a === b ? null : `${String(a)} attempts on the board, ${String(b)} in SQL`),
          iterations: 15,
        },
      ],
    };
  },
});
