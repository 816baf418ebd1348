import {
  type ComplianceTrigger,
  type DisplayLocale,
  FUND_STATUSES,
  fenIn,
  type MoneyUnit,
  moneyUnitLabel,
  type Overview,
  type ReinvestStatus,
  tableMoneyUnit,
} from '@highland/shared';
import { dateCell, type ExcelJS, finishWorkbook, NUM_FMT, newWorkbook, styleHeader } from '../xlsx/writer.js';

/**
 * The government overview as an XLSX workbook: the same figures as the page, as of the same date, in the
 * reader's language. Money is stored as numbers in the page's table unit (万元, or CNY m in English) with
 * the unit in every header; shares as fractions formatted as percentages; multiples as numbers. Opens in
 * LibreOffice and Excel; a test reads it back with exceljs and compares it with the page.
 */
const L = {
  'zh-CN': {
    summary: '总览',
    subFunds: '子基金',
    batches: '批次',
    compliance: '合规提示',
    title: '基金群总览',
    asOf: '数据截至',
    direct: '直投与跟投',
    included: '计入',
    excluded: '不计入',
    figure: '指标',
    basis: '口径',
    committed: '认缴',
    paidIn: '实缴',
    numerator: '分子',
    denominator: '分母',
    ratio: '倍数（×）',
    motherSize: '母基金规模',
    groupSize: '基金群规模',
    groupTarget: '基金群目标规模',
    progress: '目标完成度',
    total: '基金群总放大倍数（基金群规模 ÷ 母基金规模）',
    social: '社会资本放大倍数（(基金群规模 − 政府出资) ÷ 政府出资）',
    fiscal: '财政资金放大倍数（基金群规模 ÷ 财政出资）',
    code: '代码',
    name: '基金名称',
    manager: '管理人',
    kind: '类型',
    batch: '批次',
    status: '状态',
    size: '认缴规模',
    paid: '实缴规模',
    mother: '母基金认缴',
    motherPaid: '母基金实缴',
    govShare: '政府出资占比',
    cap: '占比上限',
    levC: '放大倍数（认缴）',
    levP: '放大倍数（实缴）',
    paidRatio: '实缴比例',
    reinvest: '返投状态',
    reinvestRate: '返投完成率（约定口径）',
    flags: '合规提示',
    count: '子基金数',
    target: '目标规模',
    since: '起始日期',
    trigger: '触发事项',
    kinds: { sub: '子基金', direct_vehicle: '直投平台' },
    batchN: (n: number) => `第${n}批`,
    triggers: {
      not_set_up: '决策后一年内未设立',
      idle_money: '资金闲置超过一年',
      gov_share_over_cap: '政府出资占比超过上限',
      term_ending: '存续期六个月内到期',
      term_expired: '存续期已届满',
      reinvest_breached: '返投未达标（投资期已结束）',
    } satisfies Record<ComplianceTrigger, string>,
    reinvestStatus: { not_required: '无要求', met: '已达标', on_track: '进度正常', at_risk: '有风险', breached: '未达标' } satisfies Record<
      ReinvestStatus,
      string
    >,
  },
  en: {
    summary: 'Summary',
    subFunds: 'Sub-funds',
    batches: 'Batches',
    compliance: 'Compliance',
    title: 'Fund group overview',
    asOf: 'As of',
    direct: 'Direct deals and co-investment',
    included: 'included',
    excluded: 'excluded',
    figure: 'Figure',
    basis: 'Basis',
    committed: 'committed',
    paidIn: 'paid-in',
    numerator: 'Numerator',
    denominator: 'Denominator',
    ratio: 'Multiple (×)',
    motherSize: 'Mother fund size',
    groupSize: 'Fund group size',
    groupTarget: 'Fund group target',
    progress: 'Progress to target',
    total: 'Group leverage (group size ÷ mother fund size)',
    social: 'Social capital leverage ((group size − government money) ÷ government money)',
    fiscal: 'Budget-money leverage (group size ÷ budget money)',
    code: 'Code',
    name: 'Fund',
    manager: 'Manager',
    kind: 'Kind',
    batch: 'Batch',
    status: 'Status',
    size: 'Committed',
    paid: 'Paid-in',
    mother: 'Mother fund committed',
    motherPaid: 'Mother fund paid-in',
    govShare: 'Government share',
    cap: 'Cap',
    levC: 'Leverage (committed)',
    levP: 'Leverage (paid-in)',
    paidRatio: 'Paid-in ratio',
    reinvest: 'Reinvestment',
    reinvestRate: 'Reinvestment completion (binding basis)',
    flags: 'Flags',
    count: 'Sub-funds',
    target: 'Target',
    since: 'Since',
    trigger: 'Trigger',
    kinds: { sub: 'Sub-fund', direct_vehicle: 'Direct vehicle' },
    batchN: (n: number) => `Batch ${n}`,
    triggers: {
      not_set_up: 'Not set up within a year of the decision',
      idle_money: 'Money idle for more than a year',
      gov_share_over_cap: 'Government share over its cap',
      term_ending: 'Term ends within six months',
      term_expired: 'Term has ended',
      reinvest_breached: 'Reinvestment short at the end of the investment period',
    } satisfies Record<ComplianceTrigger, string>,
    reinvestStatus: { not_required: 'No requirement', met: 'Met', on_track: 'On track', at_risk: 'At risk', breached: 'Breached' } satisfies Record<
      ReinvestStatus,
      string
    >,
  },
} as const;

const MONEY_FMT = NUM_FMT.money;
const PCT_FMT = NUM_FMT.pct;
const MULT_FMT = NUM_FMT.mult;

export async function overviewWorkbook(o: Overview, locale: DisplayLocale): Promise<Buffer> {
  const t = L[locale];
  // The page's tables show sub-fund and batch sizes in 亿元 (CNY bn in English): the workbook uses the same unit.
  const unit: MoneyUnit = tableMoneyUnit(locale, true);
  const u = moneyUnitLabel(unit, locale);
  const m = (fen: number) => fenIn(fen, unit);
  const withUnit = (label: string) => (locale === 'zh-CN' ? `${label}（${u}）` : `${label} (${u})`);
  const wb = newWorkbook(new Date(`${o.asOf}T00:00:00Z`));

  const head = (ws: ExcelJS.Worksheet) => {
    styleHeader(ws.getRow(1));
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };

  // Summary: the leverage family with numerators and denominators, on both bases.
  const s = wb.addWorksheet(t.summary);
  s.columns = [
    { header: t.figure, key: 'figure', width: 58 },
    { header: t.basis, key: 'basis', width: 10 },
    { header: withUnit(t.numerator), key: 'n', width: 20, style: { numFmt: MONEY_FMT } },
    { header: withUnit(t.denominator), key: 'd', width: 20, style: { numFmt: MONEY_FMT } },
    { header: t.ratio, key: 'r', width: 14, style: { numFmt: MULT_FMT } },
  ];
  head(s);
  for (const basis of ['committed', 'paid_in'] as const) {
    const b = basis === 'committed' ? t.committed : t.paidIn;
    for (const [key, label] of [
      ['total', t.total],
      ['socialCapital', t.social],
      ['fiscal', t.fiscal],
    ] as const) {
      const f = o.leverage[key][basis];
      s.addRow({ figure: label, basis: b, n: m(f.numeratorFen), d: m(f.denominatorFen), r: f.ratio });
    }
  }
  s.addRow({});
  s.addRow({ figure: t.asOf, basis: o.asOf });
  s.addRow({ figure: t.direct, basis: o.includeDirect ? t.included : t.excluded });
  s.addRow({ figure: withUnit(t.motherSize), basis: t.committed, n: m(o.mother?.committedFen ?? 0) });
  s.addRow({ figure: withUnit(t.groupSize), basis: t.committed, n: m(o.leverage.groupSize.committed) });
  s.addRow({ figure: withUnit(t.groupSize), basis: t.paidIn, n: m(o.leverage.groupSize.paid_in) });
  if (o.groupTargetFen) {
    s.addRow({ figure: withUnit(t.groupTarget), n: m(o.groupTargetFen) });
    const p = s.addRow({ figure: t.progress, basis: t.committed, n: o.progress.committed });
    p.getCell('n').numFmt = PCT_FMT;
  }

  // Sub-funds (and vehicles): the page's table.
  const f = wb.addWorksheet(t.subFunds);
  f.columns = [
    { header: t.code, key: 'code', width: 10 },
    { header: t.name, key: 'name', width: 36 },
    { header: t.manager, key: 'manager', width: 30 },
    { header: t.kind, key: 'kind', width: 10 },
    { header: t.batch, key: 'batch', width: 8 },
    { header: t.status, key: 'status', width: 12 },
    { header: withUnit(t.size), key: 'size', width: 16, style: { numFmt: MONEY_FMT } },
    { header: withUnit(t.mother), key: 'mother', width: 16, style: { numFmt: MONEY_FMT } },
    { header: withUnit(t.paid), key: 'paid', width: 16, style: { numFmt: MONEY_FMT } },
    { header: t.govShare, key: 'share', width: 12, style: { numFmt: PCT_FMT } },
    { header: t.cap, key: 'cap', width: 10, style: { numFmt: PCT_FMT } },
    { header: t.levC, key: 'levC', width: 12, style: { numFmt: MULT_FMT } },
    { header: t.levP, key: 'levP', width: 12, style: { numFmt: MULT_FMT } },
    { header: t.paidRatio, key: 'paidRatio', width: 10, style: { numFmt: PCT_FMT } },
    { header: t.reinvest, key: 'reinvest', width: 12 },
    { header: t.reinvestRate, key: 'reinvestRate', width: 14, style: { numFmt: PCT_FMT } },
    { header: t.flags, key: 'flags', width: 40 },
  ];
  head(f);
  for (const r of o.funds) {
    f.addRow({
      code: r.code,
      name: locale === 'zh-CN' ? r.nameZh : r.nameEn,
      manager: (locale === 'zh-CN' ? r.managerZh : r.managerEn) ?? '',
      kind: t.kinds[r.kind],
      batch: r.batch,
      status: FUND_STATUSES[r.status][locale === 'zh-CN' ? 'zh' : 'en'],
      size: m(r.committedFen),
      mother: m(r.motherCommittedFen),
      paid: m(r.paidInFen),
      share: r.govShare,
      cap: r.govShareCap,
      levC: r.leverage.committed.ratio,
      levP: r.leverage.paid_in.ratio,
      paidRatio: r.paidInRatio,
      reinvest: t.reinvestStatus[r.reinvest.status],
      reinvestRate: r.reinvest.completion[r.reinvest.basis],
      flags: r.flags.map((x) => t.triggers[x]).join(locale === 'zh-CN' ? '；' : '; '),
    });
  }
  f.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: f.columnCount } };

  // Batches.
  const b = wb.addWorksheet(t.batches);
  b.columns = [
    { header: t.batch, key: 'batch', width: 10 },
    { header: t.count, key: 'count', width: 10 },
    { header: withUnit(t.size), key: 'size', width: 16, style: { numFmt: MONEY_FMT } },
    { header: withUnit(t.target), key: 'target', width: 16, style: { numFmt: MONEY_FMT } },
    { header: withUnit(t.mother), key: 'mother', width: 16, style: { numFmt: MONEY_FMT } },
    { header: withUnit(t.paid), key: 'paid', width: 16, style: { numFmt: MONEY_FMT } },
    { header: withUnit(t.motherPaid), key: 'motherPaid', width: 16, style: { numFmt: MONEY_FMT } },
    { header: t.levC, key: 'levC', width: 12, style: { numFmt: MULT_FMT } },
    { header: t.levP, key: 'levP', width: 12, style: { numFmt: MULT_FMT } },
  ];
  head(b);
  for (const r of o.batches) {
    b.addRow({
      batch: t.batchN(r.batch),
      count: r.count,
      size: m(r.committedFen),
      target: r.targetFen === null ? null : m(r.targetFen),
      mother: m(r.motherCommittedFen),
      paid: m(r.paidInFen),
      motherPaid: m(r.motherPaidInFen),
      levC: r.leverage.committed.ratio,
      levP: r.leverage.paid_in.ratio,
    });
  }

  // Compliance.
  const c = wb.addWorksheet(t.compliance);
  c.columns = [
    { header: t.code, key: 'code', width: 10 },
    { header: t.name, key: 'name', width: 36 },
    { header: t.trigger, key: 'trigger', width: 36 },
    { header: t.since, key: 'since', width: 12, style: { numFmt: NUM_FMT.date } },
  ];
  head(c);
  const byId = new Map(o.funds.map((r) => [r.id, r]));
  for (const x of o.compliance) {
    const r = byId.get(x.fundId);
    c.addRow({ code: r?.code ?? '', name: r ? (locale === 'zh-CN' ? r.nameZh : r.nameEn) : '', trigger: t.triggers[x.trigger], since: dateCell(x.since) });
  }
  return finishWorkbook(wb);
}
