import { commitment, type DbOrTx, designation, fund, investor, listingAttempt, listingEvent } from '@highland/drizzle';
import { fileOf } from '../../xlsx/writer.js';
import {
  DomainError,
  designationsInForce,
  type FiguresInput,
  holdersOn,
  holdingIntervals,
  latestCompleteYear,
  linearProjection,
  listedWithin,
  listingTimeline,
  metricSeries,
  outputValueAt,
  progressRatio,
  quarterEndsThrough,
  TARGET_METRIC_CODES,
  TARGET_METRICS,
  type TargetMetric,
  targetStatus,
} from '@highland/shared';
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import { annualOutput, focusFirms, holdingMoves, lastOutputBefore, planFundFigures } from './books.js';
import { firmFields, firmsById, fundCodes } from './common.js';
import { designationSpans } from './designation.js';
import { listedFirms } from './listing.js';
import type { ReadCtx } from '../ctx.js';
import { asOfOr } from './common.js';
import { type ProgrammeRow, programmeFor, programmesOf } from './programme.js';
import { scoreboardWorkbook } from './scoreboard-xlsx.js';

/** The points of a programme's trend: its start, every quarter end, the as-of date and (once passed) its end. */
export function trendDates(p: Pick<ProgrammeRow, 'startDate' | 'endDate'>, asOf: string): string[] {
  if (asOf < p.startDate) return [asOf];
  const dates = new Set([p.startDate, ...quarterEndsThrough(p.startDate, asOf)]);
  if (asOf >= p.endDate) dates.add(p.endDate);
  return [...dates].sort();
}

async function figuresInput(db: DbOrTx, p: ProgrammeRow, dates: ReadonlyArray<string>) {
  const years = [...new Set(dates.map(latestCompleteYear))];
  const [spans, listings, moves, focus, outputByYear] = await Promise.all([
    designationSpans(db),
    listedFirms(db),
    holdingMoves(db),
    focusFirms(db),
    annualOutput(db, years),
  ]);
  const input: FiguresInput = {
    programme: p,
    designations: spans,
    listings,
    holdings: holdingIntervals(moves),
    focusFirms: focus,
    outputByYear,
  };
  return { input, moves };
}

function programmeOrDefault(list: ReadonlyArray<ProgrammeRow>, programmeId: number | undefined, asOf: string): ProgrammeRow | null {
  if (programmeId === undefined) return programmeFor(list, asOf);
  const p = list.find((x) => x.id === programmeId);
  if (!p) throw DomainError.field('programmeId', 'unknownProgramme', `programmeId: no programme with id ${programmeId}`, { id: programmeId });
  return p;
}

/**
 * The scoreboard of a programme as of a date: for every metric its value, and for every target the
 * progress, the value on the programme's end (once passed), the straight-line projection to the end
 * (while running) and a status; the trend at quarter ends from the programme's start.
 */
export async function scoreboard(read: ReadCtx, request: { programmeId?: number | undefined; asOf?: string | undefined }) {
  const { db } = read;
  const { programmeId } = request;
  const asOf = asOfOr(read, request.asOf);
  const programmes = await programmesOf(db);
  const p = programmeOrDefault(programmes, programmeId, asOf);
  const list = programmes.map(({ targets: _t, ...rest }) => rest);
  if (!p) return { asOf, programmes: list, programme: null, outputYear: latestCompleteYear(asOf), dates: [asOf], metrics: [] };
  const dates = trendDates(p, asOf);
  const [{ input }, funds] = await Promise.all([figuresInput(db, p, dates), planFundFigures(db, dates)]);
  const series = metricSeries(input, dates, funds.series);
  const ended = asOf >= p.endDate;
  const metrics = TARGET_METRIC_CODES.map((metric) => {
    const values = series[metric];
    const value = values[values.length - 1] ?? 0;
    const t = p.targets.find((x) => x.metric === metric) ?? null;
    const valueAtEnd = ended ? (values[dates.indexOf(p.endDate)] ?? null) : null;
    const inPeriod = dates.map((date, i) => ({ date, value: values[i] ?? 0 })).filter((pt) => pt.date >= p.startDate && pt.date <= asOf);
    const projection = ended ? null : linearProjection(inPeriod, p.endDate);
    return {
      metric,
      unit: TARGET_METRICS[metric].unit,
      target: t?.targetValue ?? null,
      note: t?.note ?? null,
      value,
      progress: t ? progressRatio(value, t.targetValue) : null,
      valueAtEnd,
      projection,
      status: t ? targetStatus({ target: t.targetValue, value, valueAtEnd, projection }) : null,
      series: values,
    };
  });
  return { asOf, programmes: list, programme: p, outputYear: latestCompleteYear(asOf), dates, metrics };
}

export type Scoreboard = Awaited<ReturnType<typeof scoreboard>>;

export interface FirmRow {
  companyId: number;
  nameZh: string;
  nameEn: string | null;
  sector: string;
  zone: string;
  holders: string[];
  valueFen: number | null;
  date: string | null;
  /** Designations: the criteria met. */
  criteria?: string[];
  /** Output-value gaps: the last year with a figure (valueFen is that year's). */
  lastYear?: number | null;
  /** Listings: sponsor, standard, acceptance-to-listing calendar days. */
  sponsor?: string;
  listingStandard?: number;
  acceptedDays?: number | null;
}

type FirmItem = Omit<FirmRow, 'nameZh' | 'nameEn' | 'sector' | 'zone' | 'holders'>;

/** The firms (or funds, or LPs) behind one figure of the scoreboard, as of the date. */
export async function scoreboardDrill(read: ReadCtx, request: { programmeId: number; metric: TargetMetric; asOf?: string | undefined }) {
  const { db } = read;
  const { programmeId, metric } = request;
  const asOf = asOfOr(read, request.asOf);
  const programmes = await programmesOf(db);
  const p = programmeOrDefault(programmes, programmeId, asOf) as ProgrammeRow;
  if (metric === 'mother_fund_size') {
    const rows = await db
      .select({
        investorId: investor.id,
        nameZh: investor.nameZh,
        nameEn: investor.nameEn,
        sourceType: investor.sourceType,
        date: commitment.date,
        fen: commitment.amountFen,
      })
      .from(commitment)
      .innerJoin(fund, eq(fund.id, commitment.fundId))
      .innerJoin(investor, eq(investor.id, commitment.investorId))
      .where(and(eq(fund.kind, 'mother'), lte(commitment.date, asOf)))
      .orderBy(asc(commitment.date), asc(commitment.id));
    return { kind: 'investors' as const, metric, asOf, rows, totalFen: rows.reduce((a, r) => a + r.fen, 0) };
  }
  if (metric === 'fund_group_size') {
    const { byFund, motherDirectFen, series } = await planFundFigures(db, [asOf]);
    const codes = await fundCodes(db);
    const batches = new Map((await db.select({ id: fund.id, batch: fund.batch }).from(fund)).map((f) => [f.id, f.batch]));
    const rows = [...byFund]
      .filter(([id]) => codes.get(id)?.kind !== 'mother')
      .map(([fundId, fen]) => {
        const f = codes.get(fundId);
        return { fundId, code: f?.code ?? '', nameZh: f?.nameZh ?? '', nameEn: f?.nameEn ?? '', kind: f?.kind ?? '', batch: batches.get(fundId) ?? null, fen };
      })
      .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
    return { kind: 'funds' as const, metric, asOf, rows, motherDirectFen, totalFen: series[0]?.fundGroupSizeFen ?? 0 };
  }

  const { input, moves } = await figuresInput(db, p, [asOf]);
  const holders = holdersOn(moves, asOf);
  const codes = await fundCodes(db);
  const holderCodes = (companyId: number) => (holders.get(companyId) ?? []).map((id) => codes.get(id)?.code ?? String(id));
  const firmRows = async (items: FirmItem[]): Promise<FirmRow[]> => {
    const firms = await firmsById(
      db,
      items.map((i) => i.companyId),
    );
    return items.map((i) => {
      return { ...i, ...firmFields(firms.get(i.companyId)), holders: holderCodes(i.companyId) };
    });
  };

  if (metric === 'leader_firms' || metric === 'benchmark_firms') {
    const inForce = designationsInForce(input.designations, metric === 'leader_firms' ? 'leader' : 'benchmark', asOf);
    const criteria = inForce.length
      ? new Map(
          (
            await db
              .select({ id: designation.id, criteria: designation.criteria })
              .from(designation)
              .where(
                inArray(
                  designation.id,
                  inForce.map((d) => d.id),
                ),
              )
          ).map((d) => [d.id, d.criteria]),
        )
      : new Map<number, string[]>();
    const rows = await firmRows(
      inForce
        .sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn))
        .map((d) => ({ companyId: d.companyId, valueFen: null, date: d.effectiveOn, criteria: criteria.get(d.id) ?? [] })),
    );
    return { kind: 'firms' as const, metric, asOf, rows, gaps: [], year: null, totalFen: null, count: rows.length };
  }

  if (metric === 'output_value') {
    const ov = outputValueAt(input, asOf);
    const rows = await firmRows(ov.firms.map((f) => ({ companyId: f.companyId, valueFen: f.outputFen, date: null })));
    const last = await lastOutputBefore(db, ov.gaps, ov.year);
    const gaps = await firmRows(
      ov.gaps.map((id) => {
        const l = last.get(id);
        return { companyId: id, valueFen: l?.outputFen ?? null, date: null, lastYear: l?.year ?? null };
      }),
    );
    return { kind: 'firms' as const, metric, asOf, rows, gaps, year: ov.year, totalFen: ov.totalFen, count: rows.length };
  }

  // star_listings
  const listed = listedWithin(input.listings, p.startDate, asOf).sort((a, b) => a.listedOn.localeCompare(b.listedOn));
  const attempts = listed.length
    ? await db
        .select()
        .from(listingAttempt)
        .where(
          inArray(
            listingAttempt.id,
            listed.map((l) => l.attemptId),
          ),
        )
    : [];
  const events = attempts.length
    ? await db
        .select()
        .from(listingEvent)
        .where(
          inArray(
            listingEvent.attemptId,
            attempts.map((a) => a.id),
          ),
        )
        .orderBy(asc(listingEvent.id))
    : [];
  const rows = await firmRows(
    listed.map((l) => {
      const a = attempts.find((x) => x.id === l.attemptId);
      const tl = listingTimeline(
        events.filter((e) => e.attemptId === l.attemptId).map((e) => ({ kind: e.kind, date: e.date, outcome: e.outcome })),
        asOf,
      );
      return {
        companyId: l.companyId,
        valueFen: a?.plannedRaiseFen ?? null,
        date: l.listedOn,
        sponsor: a?.sponsor ?? '',
        listingStandard: a?.listingStandard ?? 0,
        acceptedDays: tl.acceptedDays?.calendar ?? null,
      };
    }),
  );
  return { kind: 'firms' as const, metric, asOf, rows, gaps: [], year: null, totalFen: null, count: rows.length };
}

export type ScoreboardDrillResult = Awaited<ReturnType<typeof scoreboardDrill>>;

/** The scoreboard and every drill-down as an XLSX file (base64), numbers stored as numbers. */
export async function scoreboardExport(read: ReadCtx, input: { programmeId?: number | undefined; asOf?: string | undefined }) {
  const asOf = asOfOr(read, input.asOf);
  const s = await scoreboard(read, { programmeId: input.programmeId, asOf });
  const p = s.programme;
  const drills = p ? await Promise.all(TARGET_METRIC_CODES.map((metric) => scoreboardDrill(read, { programmeId: p.id, metric, asOf }))) : [];
  const buffer = await scoreboardWorkbook(s, drills, read.now().toISOString());
  return fileOf(buffer, `scoreboard-${p?.code ?? 'none'}-${asOf}.xlsx`);
}
