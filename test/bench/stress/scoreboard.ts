import { addDays, maxDate, minDate } from '@highland/shared';
import { STRESS_END } from './fund-group.js';
import type { StressPart } from './index.js';
import type { Cell } from './insert.js';

const CREATED_AT = '2025-01-01T00:00:00.000Z';
const YI = 10_000_000_000;
const WAN10 = 10_000_000;

export interface ScoreboardOutput {
  programmeId: number;
}

/**
 * The plan's scoreboard over the investments part's firms: two programmes with targets; annual KPI
 * snapshots (output value) 2019–2025 for every firm a fund invested in — one in 25 yet to report 2025
 * (the gaps), one in 30 with a corrected figure (the newer row wins); about 3,000 benchmark and 300
 * leader designations approved from 2020 (one in 16 revoked since) with their history; 800 STAR listing
 * attempts at every stage (200 listed, some suspended, some terminated) with their events.
 */
export const scoreboardPart: StressPart<ScoreboardOutput> = {
  name: 'scoreboard',
  async build({ tx, insert, rng, log }) {
    await insert(
      'programme',
      ['id', 'code', 'name_zh', 'name_en', 'start_date', 'end_date'],
      [
        [1, 'SH-AI-2019', '行动方案（2019-2021年）', 'Action plan 2019–2021', '2019-01-01', '2021-12-31'],
        [2, 'SH-AI-2022', '2022–2026 年目标', 'Targets 2022–2026', '2022-01-01', '2026-12-31'],
      ],
    );
    const targets: Array<[string, number]> = [
      ['mother_fund_size', 100 * YI],
      ['fund_group_size', 1000 * YI],
      ['leader_firms', 10],
      ['benchmark_firms', 100],
      ['output_value', 1000 * YI],
      ['star_listings', 5],
    ];
    await insert(
      'programme_target',
      ['programme_id', 'metric', 'target_value', 'note'],
      [1, 2].flatMap((p) => targets.map(([m, v]) => [p, m, p === 2 ? v * 3 : v, null])),
    );

    const firms = (await tx.execute(`SELECT company_id AS id, MIN(date) AS first FROM investment GROUP BY company_id ORDER BY company_id`)).rows.map((r) => ({
      id: Number(r.id),
      first: String(r.first),
    }));

    // KPIs: annual output value from two years before the first round (2019 at the earliest) to 2025.
    const kpis: Cell[][] = [];
    for (const f of firms) {
      const r = rng.fork(`kpi-${f.id}`);
      let output = r.real(0.05, 3) * YI;
      const growth = r.real(1.02, 1.5);
      const skip2025 = r.chance(0.04);
      for (let y = Math.max(2019, Number(f.first.slice(0, 4)) - 2); y <= 2025; y++) {
        output *= growth;
        if (y === 2025 && skip2025) continue;
        const fen = Math.round(output / WAN10) * WAN10;
        const row: Cell[] = [f.id, String(y), `${y}-01-01`, `${y}-12-31`, 0, Math.round(fen / 1.2), fen, 'import', CREATED_AT];
        kpis.push(row);
        if (r.chance(1 / 30)) kpis.push([...row.slice(0, 6), Math.round((fen * 1.05) / WAN10) * WAN10, 'entered', CREATED_AT]);
      }
    }
    await insert(
      'kpi_snapshot',
      ['company_id', 'period', 'period_start', 'period_end', 'cumulative', 'revenue_fen', 'output_value_fen', 'source', 'created_at'],
      kpis,
    );
    log(`${kpis.length} KPI rows`);

    // Designations: benchmarks from 2020, leaders from 2021, approved a month after nomination.
    const designations: Cell[][] = [];
    const events: Cell[][] = [];
    let designationId = 0;
    const dr = rng.fork('designations');
    const designate = (companyId: number, level: string, effectiveOn: string, revokedOn: string | null) => {
      const id = ++designationId;
      const nominatedOn = addDays(effectiveOn, -30);
      designations.push([
        id,
        companyId,
        level,
        revokedOn ? 'revoked' : 'approved',
        nominatedOn,
        '["focus_sector"]',
        '审计报告与专利清单',
        effectiveOn,
        effectiveOn,
        revokedOn,
        revokedOn ? '不再符合认定条件' : null,
        CREATED_AT,
        CREATED_AT,
      ]);
      events.push([id, 'nominated', nominatedOn, CREATED_AT], [id, 'approved', effectiveOn, CREATED_AT]);
      if (revokedOn) events.push([id, 'revoked', revokedOn, CREATED_AT]);
    };
    const pool = dr.sample(firms, 3300);
    pool.forEach((f, k) => {
      const level = k < 300 ? 'leader' : 'benchmark';
      const from = maxDate(f.first, level === 'leader' ? '2021-01-01' : '2020-01-01');
      const effectiveOn = minDate(addDays(from, dr.int(90, 1500)), STRESS_END);
      const revokedOn = dr.chance(1 / 16) ? minDate(addDays(effectiveOn, dr.int(200, 900)), STRESS_END) : null;
      designate(f.id, level, effectiveOn, revokedOn === effectiveOn ? null : revokedOn);
    });
    await insert(
      'designation',
      [
        'id',
        'company_id',
        'level',
        'status',
        'nominated_on',
        'criteria',
        'evidence',
        'reviewed_on',
        'effective_on',
        'revoked_on',
        'revoke_reason',
        'created_at',
        'updated_at',
      ],
      designations,
    );
    await insert('designation_event', ['designation_id', 'action', 'date', 'at'], events);

    // Listing attempts: one each for 800 firms, stopped at every stage; a quarter of them listed.
    const lr = rng.fork('listings');
    const stages = ['tutoring_filed', 'tutoring_accepted', 'accepted', 'inquiry', 'committee', 'registration_submitted', 'registered', 'listed'];
    const attempts: Cell[][] = [];
    const listingEvents: Cell[][] = [];
    lr.sample(firms, 800).forEach((f, k) => {
      const id = k + 1;
      const reach = k < 200 ? 7 : lr.int(0, 6);
      let date = minDate(addDays(maxDate(f.first, '2020-06-01'), lr.int(30, 400)), addDays(STRESS_END, -900));
      const evs: Array<[string, string, string | null]> = [];
      for (let s = 0; s <= reach; s++) {
        if (s > 0) date = addDays(date, lr.int(20, 120));
        evs.push([stages[s] as string, date, stages[s] === 'committee' ? 'passed' : null]);
      }
      let outcome: string | null = reach === 7 ? 'listed' : null;
      if (!outcome && reach >= 2 && reach <= 5 && lr.chance(0.2)) {
        evs.push(['suspended', addDays(date, lr.int(10, 60)), null]);
        if (lr.chance(0.5)) {
          evs.push(['terminated', addDays(date, lr.int(90, 200)), null]);
          outcome = 'terminated';
        }
      }
      const last = evs[evs.length - 1]?.[1] ?? date;
      attempts.push([
        id,
        f.id,
        1,
        '浦江证券股份有限公司',
        lr.int(1, 5),
        lr.int(5, 30) * YI,
        evs[0]?.[1] ?? date,
        outcome,
        outcome ? last : null,
        CREATED_AT,
        CREATED_AT,
      ]);
      for (const [kind, d, o] of evs) listingEvents.push([id, kind, d, o, CREATED_AT]);
    });
    await insert(
      'listing_attempt',
      ['id', 'company_id', 'attempt_no', 'sponsor', 'listing_standard', 'planned_raise_fen', 'opened_on', 'outcome', 'closed_on', 'created_at', 'updated_at'],
      attempts,
    );
    await insert('listing_event', ['attempt_id', 'kind', 'date', 'outcome', 'created_at'], listingEvents);
    return {
      counts: {
        programmes: 2,
        kpiSnapshots: kpis.length,
        designations: designations.length,
        listingAttempts: attempts.length,
        listingEvents: listingEvents.length,
      },
      output: { programmeId: 2 },
    };
  },
};
