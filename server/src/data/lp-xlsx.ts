import { LEDGER_KINDS } from '@highland/shared';
import type { LpStatement } from './lp.js';
import type { IssuedStatus } from './statements.js';
import { dateCell, finishWorkbook, NUM_FMT, newWorkbook, styleHeader } from '../xlsx/writer.js';

/** Money cells hold yuan as numbers (never text), shown with thousands separators and two decimals. */
const YUAN = NUM_FMT.money;
const yuan = (fen: number) => fen / 100;

/** The ILPA lines, bilingual; distributions and fees are negative so each column sums to the ending balance. */
const LINES: Array<{ label: string; value: (c: LpStatement['total']['qtd']) => number; bold?: boolean }> = [
  { label: '期初余额 Beginning balance', value: (c) => c.beginningFen, bold: true },
  { label: '实缴出资 Contributions', value: (c) => c.contributionsFen },
  { label: '分配 Distributions', value: (c) => 0 - c.distributionsFen },
  { label: '管理费及费用 Fees and expenses', value: (c) => 0 - c.feesFen },
  { label: '分配的收益或损失 Allocated gain or loss', value: (c) => c.gainLossFen },
  { label: '期末余额 Ending balance', value: (c) => c.endingFen, bold: true },
];

/**
 * The quarterly capital account statement as an XLSX workbook: a capital account sheet (the LP in all,
 * then each fund) and the quarter's cash flows. Opens in Excel and LibreOffice; every amount is a number.
 */
export async function statementWorkbook(
  s: LpStatement & { funds: Array<LpStatement['funds'][number] & { issued?: IssuedStatus | null }> },
  generatedAt: string,
): Promise<Buffer> {
  const wb = newWorkbook(new Date(generatedAt));
  const ws = wb.addWorksheet('资本账户 Capital account', { pageSetup: { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [{ width: 44 }, { width: 20 }, { width: 20 }, { width: 20 }];
  ws.addRow(['季度资本账户表 Quarterly capital account statement']).font = { bold: true, size: 14 };
  ws.addRow(['出资人 Investor', `${s.investor.nameZh} / ${s.investor.nameEn}`]);
  ws.addRow(['期间 Period', `${s.quarter}（${s.start} – ${s.end}）`]);
  ws.addRow(['币种 Currency', '人民币元 CNY']);
  ws.addRow(['生成时间 Generated (UTC)', generatedAt]);

  const block = (
    title: string,
    a: {
      committedFen: number;
      calledFen: number;
      unfundedFen: number;
      qtd: LpStatement['total']['qtd'];
      ytd: LpStatement['total']['qtd'];
      itd: LpStatement['total']['qtd'];
    },
  ) => {
    ws.addRow([]);
    styleHeader(ws.addRow([title, '本季 QTD', '本年 YTD', '成立以来 ITD']));
    for (const line of LINES) {
      const row = ws.addRow([line.label, yuan(line.value(a.qtd)), yuan(line.value(a.ytd)), yuan(line.value(a.itd))]);
      if (line.bold) row.font = { bold: true };
      for (const col of [2, 3, 4]) row.getCell(col).numFmt = YUAN;
    }
    for (const [label, fen] of [
      ['认缴出资 Commitment', a.committedFen],
      ['已催缴 Called capital', a.calledFen],
      ['未催缴 Unfunded commitment', a.unfundedFen],
    ] as const) {
      const row = ws.addRow([label, yuan(fen)]);
      row.getCell(2).numFmt = YUAN;
    }
  };
  block('合计 All funds', s.total);
  for (const f of s.funds) {
    block(`${f.code} ${f.nameZh} / ${f.nameEn}`, f);
    // Which version the fund issued (ADR 034), and whether the books have moved since: the figures above are the books now.
    const i = f.issued;
    ws.addRow([
      '出具 Issued',
      i === undefined
        ? ''
        : i === null
          ? '尚未出具，按当前账簿计算 Not issued yet: the books now'
          : `第 ${i.version} 版 version ${i.version} · ${i.issuedAt.slice(0, 10)} · 校验码 digest ${i.digest}${
              i.differences.length ? ` · 出具后账簿有变动 ${i.differences.length} 项 changed since issued (${i.differences.length} lines)` : ''
            }`,
    ]).font = { italic: true, color: { argb: 'FF475569' } };
  }

  const flows = wb.addWorksheet('现金流 Cash flows');
  flows.columns = [{ width: 14 }, { width: 10 }, { width: 22 }, { width: 12 }, { width: 20 }];
  flows.views = [{ state: 'frozen', ySplit: 1 }];
  styleHeader(flows.addRow(['日期 Date', '基金 Fund', '类型 Kind', '期次 Call no.', '金额（元） Amount (CNY)']));
  for (const f of s.flows) {
    const k = LEDGER_KINDS[f.kind];
    const row = flows.addRow([dateCell(f.date), f.code, `${k.zh} ${k.en}`, f.callNo ?? '', yuan(f.amountFen)]);
    row.getCell(1).numFmt = NUM_FMT.date;
    row.getCell(5).numFmt = YUAN;
  }
  return finishWorkbook(wb);
}
