import {
  DESIGNATION_CRITERIA,
  type DesignationCriterion,
  INVESTOR_SOURCES,
  type InvestorSource,
  SECTORS,
  type Sector,
  TARGET_METRICS,
  type TargetMetric,
  type TargetStatus,
  ZONES,
  type Zone,
} from '@highland/shared';
import { type ExcelJS, finishWorkbook, NUM_FMT, newWorkbook, styleHeader } from '../../xlsx/writer.js';
import type { Scoreboard, ScoreboardDrillResult } from './scoreboard.js';

/** Money cells hold yuan as numbers (never text) with thousands separators; counts are whole numbers. */
const YUAN = NUM_FMT.money;
const COUNT = NUM_FMT.count;
const PCT = NUM_FMT.pct1;
const yuan = (fen: number) => fen / 100;

const STATUS: Record<TargetStatus, string> = {
  met: '已完成 Met',
  on_track: '按期可完成 On track',
  behind: '进度滞后 Behind',
  missed: '未完成 Missed',
};
const sector = (s: string) => (SECTORS[s as Sector] ? `${SECTORS[s as Sector].zh}` : s);
const zone = (z: string) => (ZONES[z as Zone] ? ZONES[z as Zone].zh : z);

function header(ws: ExcelJS.Worksheet, cells: string[]): void {
  styleHeader(ws.addRow(cells));
}

function format(row: ExcelJS.Row, formats: Record<number, string>): void {
  for (const [col, fmt] of Object.entries(formats)) row.getCell(Number(col)).numFmt = fmt;
}

/**
 * The scoreboard as an XLSX workbook: the targets with progress, the trend, and the firms (funds, LPs)
 * behind every figure, one sheet each. Opens in Excel and LibreOffice; every amount is a number.
 */
export async function scoreboardWorkbook(s: Scoreboard, drills: ReadonlyArray<ScoreboardDrillResult>, generatedAt: string): Promise<Buffer> {
  const wb = newWorkbook(new Date(generatedAt));
  const p = s.programme;
  const ws = wb.addWorksheet('目标进度 Targets', { views: [{ state: 'frozen', ySplit: 6 }] });
  ws.columns = [{ width: 34 }, { width: 12 }, { width: 22 }, { width: 22 }, { width: 12 }, { width: 22 }, { width: 22 }, { width: 22 }, { width: 40 }];
  ws.addRow(['目标完成情况 Programme scoreboard']).font = { bold: true, size: 14 };
  ws.addRow(['计划 Programme', p ? `${p.nameZh} / ${p.nameEn}` : '—']);
  ws.addRow(['期间 Period', p ? `${p.startDate} – ${p.endDate}` : '—']);
  ws.addRow(['数据截至 As of', s.asOf]);
  ws.addRow(['生成时间 Generated (UTC)', generatedAt]);
  header(ws, [
    '指标 Metric',
    '单位 Unit',
    '目标 Target',
    '截至日数值 Value',
    '完成率 Progress',
    '期末数值 Value at end',
    '线性预测期末值 Projected at end',
    '状态 Status',
    '目标来源 Source of the target',
  ]);
  for (const m of s.metrics) {
    const money = m.unit === 'fen';
    const v = (x: number | null | undefined) => (x === null || x === undefined ? null : money ? yuan(x) : x);
    const row = ws.addRow([
      `${TARGET_METRICS[m.metric].zh} ${TARGET_METRICS[m.metric].en}`,
      money ? '元 CNY' : '家 firms',
      v(m.target),
      v(m.value),
      m.progress,
      v(m.valueAtEnd),
      m.projection ? v(money ? Math.round(m.projection.endValue) : m.projection.endValue) : null,
      m.status ? STATUS[m.status] : '—（未设目标 no target）',
      m.note ?? '',
    ]);
    const fmt = money ? YUAN : COUNT;
    format(row, { 3: fmt, 4: fmt, 5: PCT, 6: fmt, 7: money ? YUAN : '#,##0.0' });
  }
  ws.addRow([]);
  ws.addRow([`产值按 ${s.outputYear} 年度数据（所选日期前最近一个完整年度） Output value uses ${s.outputYear} annual figures`]);

  const trend = wb.addWorksheet('趋势 Trend', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  trend.columns = [{ width: 14 }, ...s.metrics.map(() => ({ width: 22 }))];
  header(trend, ['日期 Date', ...s.metrics.map((m) => `${TARGET_METRICS[m.metric].zh}${m.unit === 'fen' ? '（元）' : '（家）'}`)]);
  s.dates.forEach((d, i) => {
    const row = trend.addRow([d, ...s.metrics.map((m) => (m.unit === 'fen' ? yuan(m.series[i] ?? 0) : (m.series[i] ?? 0)))]);
    s.metrics.forEach((m, k) => {
      row.getCell(k + 2).numFmt = m.unit === 'fen' ? YUAN : COUNT;
    });
  });

  for (const d of drills) drillSheet(wb, d);
  return finishWorkbook(wb);
}

const SHEET: Record<TargetMetric, string> = {
  mother_fund_size: '母基金出资人 Mother fund LPs',
  fund_group_size: '基金群构成 Fund group',
  leader_firms: '龙头企业 Leaders',
  benchmark_firms: '标杆企业 Benchmarks',
  output_value: '产值 Output value',
  star_listings: '科创板上市 Listings',
};

function drillSheet(wb: ExcelJS.Workbook, d: ScoreboardDrillResult): void {
  const ws = wb.addWorksheet(SHEET[d.metric]);
  if (d.kind === 'investors') {
    ws.columns = [{ width: 40 }, { width: 20 }, { width: 14 }, { width: 22 }];
    header(ws, ['出资人 Investor', '资金来源 Source', '日期 Date', '认缴（元） Committed (CNY)']);
    for (const r of d.rows)
      format(ws.addRow([r.nameZh, INVESTOR_SOURCES[r.sourceType as InvestorSource]?.zh ?? r.sourceType, r.date, yuan(r.fen)]), { 4: YUAN });
    format(ws.addRow(['合计 Total', '', '', yuan(d.totalFen)]), { 4: YUAN });
    return;
  }
  if (d.kind === 'funds') {
    ws.columns = [{ width: 10 }, { width: 44 }, { width: 10 }, { width: 22 }];
    header(ws, ['代码 Code', '基金 Fund', '批次 Batch', '计入基金群的认缴（元） Counted size (CNY)']);
    for (const r of d.rows) format(ws.addRow([r.code, r.nameZh, r.batch, yuan(r.fen)]), { 4: YUAN });
    format(ws.addRow(['', '母基金直接投资 Mother fund direct investments', null, yuan(d.motherDirectFen)]), { 4: YUAN });
    format(ws.addRow(['', '合计 Total', null, yuan(d.totalFen)]), { 4: YUAN });
    return;
  }
  ws.columns = [{ width: 40 }, { width: 14 }, { width: 16 }, { width: 22 }, { width: 14 }, { width: 40 }];
  if (d.metric === 'output_value') {
    header(ws, ['企业 Firm', '领域 Sector', '区域 Zone', `${d.year} 年产值（元） Output (CNY)`, '持有基金 Held by']);
    for (const r of d.rows) format(ws.addRow([r.nameZh, sector(r.sector), zone(r.zone), yuan(r.valueFen ?? 0), r.holders.join('、')]), { 4: YUAN });
    format(ws.addRow(['合计 Total', '', '', yuan(d.totalFen ?? 0), '']), { 4: YUAN });
    const gaps = wb.addWorksheet('产值缺口 Output gaps');
    gaps.columns = [{ width: 40 }, { width: 14 }, { width: 16 }, { width: 16 }, { width: 22 }, { width: 24 }];
    header(gaps, ['企业 Firm', '领域 Sector', '区域 Zone', '最近有数年度 Last year', '最近年度产值（元） Last output (CNY)', '持有基金 Held by']);
    for (const r of d.gaps)
      format(gaps.addRow([r.nameZh, sector(r.sector), zone(r.zone), r.lastYear ?? null, r.valueFen === null ? null : yuan(r.valueFen), r.holders.join('、')]), {
        5: YUAN,
      });
    return;
  }
  if (d.metric === 'star_listings') {
    header(ws, [
      '企业 Firm',
      '上市日期 Listed on',
      '保荐机构 Sponsor',
      '计划募资（元） Planned raise (CNY)',
      '上市标准 Standard',
      '受理至上市天数 Days from acceptance',
    ]);
    for (const r of d.rows)
      format(ws.addRow([r.nameZh, r.date, r.sponsor ?? '', yuan(r.valueFen ?? 0), r.listingStandard ?? null, r.acceptedDays ?? null]), { 4: YUAN });
    return;
  }
  header(ws, ['企业 Firm', '认定日期 In force from', '领域 Sector', '区域 Zone', '持有基金 Held by', '认定依据 Criteria']);
  for (const r of d.rows)
    ws.addRow([
      r.nameZh,
      r.date,
      sector(r.sector),
      zone(r.zone),
      r.holders.join('、'),
      (r.criteria ?? []).map((c) => DESIGNATION_CRITERIA[c as DesignationCriterion]?.zh ?? c).join('、'),
    ]);
}
