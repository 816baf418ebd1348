import {
  type DisplayLocale,
  fenIn,
  type Labelled,
  label,
  type MoneyUnit,
  moneyUnitLabel,
  SECTORS,
  tableMoneyUnit,
  VALUATION_METHODS,
  ZONES,
} from '@highland/shared';
import type { ReadCtx } from './ctx.js';
import { addTable, type ExcelJS, fileOf, finishWorkbook, NUM_FMT as XLSX_FMT, newWorkbook } from '../xlsx/writer.js';
import { fundPerformance, lookThrough } from './performance.js';

type Performance = Awaited<ReturnType<typeof fundPerformance>>;
type LookThrough = Awaited<ReturnType<typeof lookThrough>>;

/**
 * A fund's performance page as an XLSX workbook: the same figures as the page, as of the same date, in the
 * reader's language. Money is stored as numbers in the page's table unit (万元, or CNY m in English) with
 * the unit in every header; shares and IRRs as fractions formatted as percentages; multiples as numbers.
 * Each sheet opens with a title row (fund and date), then a bold, frozen header row.
 */
const L = {
  'zh-CN': {
    sheets: { summary: '概览', holdings: '持仓', interests: '子基金权益', lookThrough: '穿透', bySector: '按行业' },
    title: '投后与业绩',
    asOf: '数据截至',
    view: '视角',
    figure: '指标',
    value: '数值',
    net: '出资人视角（净）',
    gross: '基金视角（毛）',
    fund: '基金',
    code: '代码',
    manager: '管理人',
    committed: '认缴规模',
    called: '已催缴',
    paidIn: '实缴',
    distributed: '分配',
    nav: '净值',
    cash: '现金',
    fees: '管理费及费用',
    netIrr: '净 IRR',
    tvpi: 'TVPI',
    dpi: 'DPI',
    rvpi: 'RVPI',
    invested: '投资成本',
    realised: '已实现回款',
    unrealised: '未实现价值',
    grossMoic: '毛 MOIC',
    grossIrr: '毛 IRR',
    company: '企业',
    sector: '行业',
    zone: '区域',
    firstDate: '首次投资',
    rounds: '轮次数',
    remainingCost: '剩余成本',
    holdingValue: '估值',
    heldShare: '持股比例',
    moic: 'MOIC',
    irr: 'IRR',
    markDate: '估值日期',
    markMethod: '估值依据',
    atCost: '按成本',
    status: '状态',
    held: '持有中',
    exited: '已退出',
    name: '基金名称',
    vintage: '投资年份',
    share: '份额',
    navShare: '应享净值',
    exposure: '穿透价值',
    costExposure: '穿透成本',
    overlap: '多基金重复持有',
    yes: '是',
    no: '否',
    paths: '持有路径',
    companies: '企业数',
    pathSep: '；',
  },
  en: {
    sheets: { summary: 'Summary', holdings: 'Holdings', interests: 'Fund interests', lookThrough: 'Look-through', bySector: 'By sector' },
    title: 'Portfolio & performance',
    asOf: 'as of',
    view: 'View',
    figure: 'Figure',
    value: 'Value',
    net: 'LP view (net)',
    gross: 'Fund view (gross)',
    fund: 'Fund',
    code: 'Code',
    manager: 'Manager',
    committed: 'Committed',
    called: 'Called',
    paidIn: 'Paid-in',
    distributed: 'Distributed',
    nav: 'NAV',
    cash: 'Cash',
    fees: 'Fees and expenses',
    netIrr: 'Net IRR',
    tvpi: 'TVPI',
    dpi: 'DPI',
    rvpi: 'RVPI',
    invested: 'Invested',
    realised: 'Realised',
    unrealised: 'Unrealised',
    grossMoic: 'Gross MOIC',
    grossIrr: 'Gross IRR',
    company: 'Company',
    sector: 'Sector',
    zone: 'Zone',
    firstDate: 'First invested',
    rounds: 'Rounds',
    remainingCost: 'Remaining cost',
    holdingValue: 'Value',
    heldShare: 'Share held',
    moic: 'MOIC',
    irr: 'IRR',
    markDate: 'Mark date',
    markMethod: 'Mark',
    atCost: 'At cost',
    status: 'Status',
    held: 'Held',
    exited: 'Exited',
    name: 'Fund',
    vintage: 'Vintage',
    share: 'Share',
    navShare: 'NAV share',
    exposure: 'Look-through value',
    costExposure: 'Look-through cost',
    overlap: 'Reached through several funds',
    yes: 'Yes',
    no: 'No',
    paths: 'Paths',
    companies: 'Companies',
    pathSep: '; ',
  },
} as const;

type Format = 'money' | 'pct' | 'mult' | 'int' | 'text' | 'date';
const NUM_FMT: Record<Format, string | undefined> = {
  money: XLSX_FMT.money,
  pct: XLSX_FMT.pct,
  mult: XLSX_FMT.mult,
  int: XLSX_FMT.int,
  date: XLSX_FMT.date,
  text: undefined,
};

interface Column<R> {
  header: string;
  width: number;
  format: Format;
  value: (r: R) => string | number | null;
}

/** A title row, then the writer's bold, frozen, filtered header row, then one row per item; numbers stay numbers. */
function table<R>(wb: ExcelJS.Workbook, name: string, title: string, columns: ReadonlyArray<Column<R>>, rows: ReadonlyArray<R>) {
  return addTable(wb, {
    name,
    title,
    // The headers are already in the reader's language.
    locale: 'zh-CN',
    columns: columns.map((c) => ({ label: c.header, kind: c.format, width: c.width, value: c.value })),
    rows,
  });
}

export async function performanceWorkbook(p: Performance, lt: LookThrough, locale: DisplayLocale): Promise<Buffer> {
  const t = L[locale];
  const zh = locale === 'zh-CN';
  // The page's tables show money in 万元 (CNY m in English): the workbook uses the same unit.
  const unit: MoneyUnit = tableMoneyUnit(locale);
  const u = moneyUnitLabel(unit, locale);
  const m = (fen: number) => fenIn(fen, unit);
  const withUnit = (s: string) => (zh ? `${s}（${u}）` : `${s} (${u})`);
  const lab = (map: Record<string, Labelled>, code: string) => label(map[code] ?? { zh: code, en: code }, locale);
  const companyName = (c: { nameZh: string; nameEn: string | null }) => (zh ? c.nameZh : (c.nameEn ?? c.nameZh));
  const fundName = zh ? p.fund.nameZh : p.fund.nameEn;
  const title = zh ? `${fundName}（${p.fund.code}）· ${t.title} · ${t.asOf} ${p.asOf}` : `${fundName} (${p.fund.code}) · ${t.title} · ${t.asOf} ${p.asOf}`;

  const wb = newWorkbook(new Date(`${p.asOf}T00:00:00Z`));

  // Summary: the page's two rows of figures, net (LP ↔ fund) then gross (fund ↔ holdings).
  const s = p.summary;
  type Line = { view: string; figure: string; value: number | string | null; format: Format };
  const net = (figure: string, value: number | null, format: Format): Line => ({ view: t.net, figure, value, format });
  const gross = (figure: string, value: number | null, format: Format): Line => ({ view: t.gross, figure, value, format });
  const lines: Line[] = [
    net(withUnit(t.committed), m(s.committedFen), 'money'),
    net(withUnit(t.called), m(s.calledFen), 'money'),
    net(withUnit(t.paidIn), m(s.paidInFen), 'money'),
    net(withUnit(t.distributed), m(s.distributedFen), 'money'),
    net(withUnit(t.nav), m(s.navFen), 'money'),
    net(withUnit(t.cash), m(s.cashFen), 'money'),
    net(withUnit(t.fees), m(s.feesFen), 'money'),
    net(t.netIrr, s.irr, 'pct'),
    net(t.tvpi, s.tvpi, 'mult'),
    net(t.dpi, s.dpi, 'mult'),
    net(t.rvpi, s.rvpi, 'mult'),
    gross(withUnit(t.invested), m(s.gross.investedFen), 'money'),
    gross(withUnit(t.realised), m(s.gross.realisedFen), 'money'),
    gross(withUnit(t.unrealised), m(s.gross.unrealisedFen), 'money'),
    gross(t.grossMoic, s.gross.moic, 'mult'),
    gross(t.grossIrr, s.gross.irr, 'pct'),
  ];
  const summary = table<Line>(
    wb,
    t.sheets.summary,
    title,
    [
      { header: t.view, width: 20, format: 'text', value: (l) => l.view },
      { header: t.figure, width: 28, format: 'text', value: (l) => l.figure },
      { header: t.value, width: 20, format: 'text', value: (l) => l.value },
    ],
    lines,
  );
  lines.forEach((l, k) => {
    const fmt = NUM_FMT[l.format];
    if (fmt) summary.getRow(k + 3).getCell(3).numFmt = fmt;
  });
  summary.addRow([]);
  summary.addRow([t.fund, t.code, p.fund.code]);
  summary.addRow([t.fund, t.manager, (zh ? p.fund.managerZh : p.fund.managerEn) ?? '']);

  // Holdings: one row per company the fund bought, as in the page's table.
  type Holding = Performance['holdings'][number];
  table<Holding>(
    wb,
    t.sheets.holdings,
    title,
    [
      { header: t.company, width: 32, format: 'text', value: (r) => companyName(r) },
      { header: t.sector, width: 16, format: 'text', value: (r) => lab(SECTORS, r.sector) },
      { header: t.zone, width: 18, format: 'text', value: (r) => lab(ZONES, r.zone) },
      { header: t.firstDate, width: 12, format: 'date', value: (r) => r.firstDate },
      { header: t.rounds, width: 8, format: 'int', value: (r) => r.rounds },
      { header: withUnit(t.invested), width: 16, format: 'money', value: (r) => m(r.investedFen) },
      { header: withUnit(t.realised), width: 16, format: 'money', value: (r) => m(r.realisedFen) },
      { header: withUnit(t.remainingCost), width: 16, format: 'money', value: (r) => m(r.remainingCostFen) },
      { header: withUnit(t.holdingValue), width: 16, format: 'money', value: (r) => m(r.valueFen) },
      { header: t.heldShare, width: 10, format: 'pct', value: (r) => r.heldShare },
      { header: t.moic, width: 10, format: 'mult', value: (r) => r.moic },
      { header: t.irr, width: 10, format: 'pct', value: (r) => r.irr },
      { header: t.markDate, width: 12, format: 'date', value: (r) => r.mark?.date ?? null },
      { header: t.markMethod, width: 16, format: 'text', value: (r) => (r.mark ? label(VALUATION_METHODS[r.mark.method], locale) : t.atCost) },
      { header: t.status, width: 10, format: 'text', value: (r) => (r.exited ? t.exited : t.held) },
    ],
    p.holdings,
  );

  // Interests in other funds of the group, only for a fund that has any.
  if (p.interests.length) {
    type Interest = Performance['interests'][number];
    table<Interest>(
      wb,
      t.sheets.interests,
      title,
      [
        { header: t.code, width: 10, format: 'text', value: (r) => r.code },
        { header: t.name, width: 36, format: 'text', value: (r) => (zh ? r.nameZh : r.nameEn) },
        { header: t.vintage, width: 10, format: 'int', value: (r) => r.vintage },
        { header: withUnit(t.committed), width: 16, format: 'money', value: (r) => m(r.committedFen) },
        { header: withUnit(t.paidIn), width: 16, format: 'money', value: (r) => m(r.paidInFen) },
        { header: withUnit(t.distributed), width: 16, format: 'money', value: (r) => m(r.distributedFen) },
        { header: t.share, width: 10, format: 'pct', value: (r) => r.share },
        { header: withUnit(t.navShare), width: 16, format: 'money', value: (r) => m(r.navShareFen) },
        { header: t.tvpi, width: 10, format: 'mult', value: (r) => r.tvpi },
      ],
      p.interests,
    );
  }

  // Look-through: one row per company reached, directly or through other funds, with its paths as text.
  type Reached = LookThrough['companies'][number];
  const path = (x: Reached['paths'][number]) => [lt.fund.code, ...x.via].join(' → ');
  table<Reached>(
    wb,
    t.sheets.lookThrough,
    title,
    [
      { header: t.company, width: 32, format: 'text', value: (r) => companyName(r) },
      { header: t.sector, width: 16, format: 'text', value: (r) => lab(SECTORS, r.sector) },
      { header: t.zone, width: 18, format: 'text', value: (r) => lab(ZONES, r.zone) },
      { header: t.firstDate, width: 12, format: 'date', value: (r) => r.firstDate },
      { header: withUnit(t.exposure), width: 16, format: 'money', value: (r) => m(r.valueFen) },
      { header: withUnit(t.costExposure), width: 16, format: 'money', value: (r) => m(r.investedFen) },
      { header: withUnit(t.realised), width: 16, format: 'money', value: (r) => m(r.realisedFen) },
      { header: t.moic, width: 10, format: 'mult', value: (r) => r.moic },
      { header: t.status, width: 10, format: 'text', value: (r) => (r.held ? t.held : t.exited) },
      { header: t.overlap, width: 12, format: 'text', value: (r) => (r.overlap ? t.yes : t.no) },
      { header: t.paths, width: 40, format: 'text', value: (r) => r.paths.map(path).join(t.pathSep) },
    ],
    lt.companies,
  );

  // The look-through by sector.
  type Group = LookThrough['bySector'][number];
  table<Group>(
    wb,
    t.sheets.bySector,
    title,
    [
      { header: t.sector, width: 20, format: 'text', value: (g) => lab(SECTORS, g.key) },
      { header: t.companies, width: 10, format: 'int', value: (g) => g.companies },
      { header: withUnit(t.exposure), width: 16, format: 'money', value: (g) => m(g.valueFen) },
      { header: withUnit(t.costExposure), width: 16, format: 'money', value: (g) => m(g.investedFen) },
      { header: withUnit(t.realised), width: 16, format: 'money', value: (g) => m(g.realisedFen) },
      { header: withUnit(t.remainingCost), width: 16, format: 'money', value: (g) => m(g.remainingCostFen) },
      { header: t.moic, width: 10, format: 'mult', value: (g) => g.moic },
    ],
    lt.bySector,
  );

  return finishWorkbook(wb);
}

/** The workbook of a fund as of a date, with its file name (业绩_SF-01_2026-10-31.xlsx, performance_SF-01_2026-10-31.xlsx). */
export async function performanceExport(read: ReadCtx, { fundId, locale, ...input }: { fundId: number; asOf?: string | undefined; locale: DisplayLocale }) {
  const asOf = input.asOf ?? read.today();
  const p = await fundPerformance(read, { fundId, asOf });
  const lt = await lookThrough(read, { fundId, asOf });
  const buffer = await performanceWorkbook(p, lt, locale);
  return fileOf(buffer, `${locale === 'en' ? 'performance' : '业绩'}_${p.fund.code}_${asOf}.xlsx`);
}
