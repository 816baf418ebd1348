import type { FundStatus } from '../reference/taxonomy.js';

/**
 * A fund's status as of a date — the one rule the fund list, a fund's page and the overview use.
 *
 * A fund is set up (设立) from its set-up date (`establishedDate`) on; before that, or with none entered,
 * it is "approved, not yet set up" (已决策待设立) whatever was stored. Once set up, the stored stage stands
 * (募集期, 投资期, 退出期, 已清算), and a fund still stored as `approved` is in its first stage, fundraising.
 * So a fund whose set-up date is entered never reads 已决策待设立 while the overview counts it as set up.
 */
export function fundStatusAsOf(fund: { status: FundStatus; establishedDate: string | null }, asOf: string): FundStatus {
  if (!isSetUpAsOf(fund, asOf)) return 'approved';
  return fund.status === 'approved' ? 'fundraising' : fund.status;
}

/** Whether the fund was set up on or before `asOf` (what the overview counts as set up). */
export function isSetUpAsOf(fund: { establishedDate: string | null }, asOf: string): boolean {
  return fund.establishedDate !== null && fund.establishedDate <= asOf;
}
