import type { Tx } from '@highland/drizzle';
import { sql } from 'drizzle-orm';

/**
 * The audit events the demo's stories would have left had people entered them through the app: the
 * demo writes its rows directly (one "生成演示数据" event covers the whole seed), so this reads back what
 * it wrote, in the same transaction, and records one event per story step — commitments, capital calls,
 * payments, distributions and fees (one event per fund and day, as a manager would enter a batch),
 * investments, exits and their reversals, marks and their reviews, designations, issued statements and
 * every deal created or moved — with the account that would have done it and the business date as the
 * event's time.
 *
 * Who: the row's own recorder where the demo set one (deal moves, designation reviews, mark reviews,
 * statements); otherwise the fund's lead manager (gp@ for SF-01, fof@ for the mother fund and its
 * vehicle, a fund's first team account elsewhere). When: a business date is a calendar day in Shanghai;
 * the event is stamped 10:00 that day (02:00 UTC). The events say `story: 'demo'` in their after-image.
 */
export async function recordStoryEvents(tx: Tx): Promise<number> {
  const lead = sql.raw(`(
    SELECT fund_id, user_id, email FROM (
      SELECT uf.fund_id, u.id AS user_id, u.email,
             ROW_NUMBER() OVER (PARTITION BY uf.fund_id ORDER BY (u.email LIKE '%.team%'), u.id) AS n
      FROM user_fund uf JOIN user u ON u.id = uf.user_id
      WHERE u.role = 'manager'
    ) WHERE n = 1
  )`);
  const mother = sql.raw(`(SELECT fa.user_id FROM user_fund fa JOIN fund f ON f.id = fa.fund_id JOIN user u ON u.id = fa.user_id
    WHERE f.kind = 'mother' AND u.role = 'manager' ORDER BY (u.email LIKE '%.team%'), u.id LIMIT 1)`);
  const day = (col: string) => sql.raw(`(${col} || 'T02:00:00.000Z')`);
  const insert = sql.raw('INSERT INTO audit_event (at, actor_user_id, actor_label, action, entity, entity_id, before, after, request_id)');
  const steps = [
    // Commitments (a negative row releases uncalled commitment, ADR 036).
    sql`${insert}
      SELECT ${day('c.date')}, l.user_id, COALESCE(l.email, 'system'),
             CASE WHEN c.amount_fen < 0 THEN 'commitment.release' ELSE 'commitment.record' END, 'fund', CAST(c.fund_id AS TEXT), NULL,
             json_object('commitmentId', c.id, 'investorId', c.investor_id, 'amountFen', c.amount_fen, 'date', c.date, 'phase', c.phase, 'story', 'demo'), NULL
      FROM commitment c LEFT JOIN ${lead} l ON l.fund_id = c.fund_id`,
    // Capital calls, on their notice date.
    sql`${insert}
      SELECT ${day('k.notice_date')}, l.user_id, COALESCE(l.email, 'system'), 'ledger.call', 'fund', CAST(k.fund_id AS TEXT), NULL,
             json_object('callId', k.id, 'callNo', k.call_no, 'noticeDate', k.notice_date, 'dueDate', k.due_date, 'totalFen', k.total_fen, 'story', 'demo'), NULL
      FROM capital_call k LEFT JOIN ${lead} l ON l.fund_id = k.fund_id`,
    // Payments, distributions and fees: one entry per fund, call and day.
    sql`${insert}
      SELECT ${day('e.date')}, l.user_id, COALESCE(l.email, 'system'), 'ledger.' || e.kind, 'fund', CAST(e.fund_id AS TEXT), NULL,
             json_object('callId', e.call_id, 'date', e.date, 'entries', COUNT(*), 'totalFen', SUM(e.amount_fen), 'story', 'demo'), NULL
      FROM ledger_entry e LEFT JOIN ${lead} l ON l.fund_id = e.fund_id
      WHERE e.kind IN ('contribution', 'distribution', 'fee') AND e.reverses_id IS NULL
      GROUP BY e.fund_id, e.kind, e.call_id, e.date`,
    sql`${insert}
      SELECT ${day('e.date')}, COALESCE(e.created_by, l.user_id), COALESCE(u.email, l.email, 'system'), 'ledger.reverse', 'fund', CAST(e.fund_id AS TEXT), NULL,
             json_object('entryId', e.id, 'reversesId', e.reverses_id, 'kind', e.kind, 'amountFen', e.amount_fen, 'memo', e.memo, 'story', 'demo'), NULL
      FROM ledger_entry e LEFT JOIN ${lead} l ON l.fund_id = e.fund_id LEFT JOIN user u ON u.id = e.created_by
      WHERE e.reverses_id IS NOT NULL AND e.investment_id IS NULL`,
    // Rounds and exits, and their reversals.
    sql`${insert}
      SELECT ${day('i.date')}, COALESCE(i.created_by, l.user_id), COALESCE(u.email, l.email, 'system'),
             CASE WHEN i.reverses_id IS NULL THEN 'investment.create' ELSE 'investment.reverse' END,
             'investment', CAST(COALESCE(i.reverses_id, i.id) AS TEXT), NULL,
             json_object('investmentId', i.id, 'fundId', i.fund_id, 'companyId', i.company_id, 'round', i.round, 'amountFen', i.amount_fen, 'memo', i.memo, 'story', 'demo'), NULL
      FROM investment i LEFT JOIN ${lead} l ON l.fund_id = i.fund_id LEFT JOIN user u ON u.id = i.created_by`,
    sql`${insert}
      SELECT ${day('x.date')}, COALESCE(x.created_by, l.user_id), COALESCE(u.email, l.email, 'system'),
             CASE WHEN x.reverses_id IS NULL THEN 'investment.exit' ELSE 'investment.exitReverse' END,
             'investment_exit', CAST(COALESCE(x.reverses_id, x.id) AS TEXT), NULL,
             json_object('exitId', x.id, 'fundId', x.fund_id, 'companyId', x.company_id, 'route', x.route, 'proceedsFen', x.proceeds_fen, 'story', 'demo'), NULL
      FROM investment_exit x LEFT JOIN ${lead} l ON l.fund_id = x.fund_id LEFT JOIN user u ON u.id = x.created_by`,
    // Marks, and their reviews by the mother fund's managers.
    sql`${insert}
      SELECT ${day('v.date')}, COALESCE(v.created_by, l.user_id), COALESCE(u.email, l.email, 'system'), 'valuation.create', 'valuation', CAST(v.id AS TEXT), NULL,
             json_object('fundId', v.fund_id, 'companyId', v.company_id, 'date', v.date, 'valueFen', v.value_fen, 'method', v.method, 'story', 'demo'), NULL
      FROM valuation v LEFT JOIN ${lead} l ON l.fund_id = v.fund_id LEFT JOIN user u ON u.id = v.created_by`,
    sql`${insert}
      SELECT v.reviewed_at, v.reviewed_by, COALESCE(u.email, 'system'),
             CASE v.status WHEN 'approved' THEN 'valuation.approve' ELSE 'valuation.reject' END, 'valuation', CAST(v.id AS TEXT),
             json_object('status', 'pending'), json_object('status', v.status, 'fundId', v.fund_id, 'companyId', v.company_id, 'note', v.review_note, 'story', 'demo'), NULL
      FROM valuation v LEFT JOIN user u ON u.id = v.reviewed_by
      WHERE v.reviewed_at IS NOT NULL AND v.status IN ('approved', 'rejected')`,
    // Leaders and benchmarks: nominated, approved, rejected, revoked.
    sql`${insert}
      SELECT ${day('d.date')}, COALESCE(d.by, ${mother}), COALESCE(u.email, m.email, 'system'),
             'designation.' || CASE d.action WHEN 'nominated' THEN 'nominate' WHEN 'approved' THEN 'approve' WHEN 'rejected' THEN 'reject' ELSE 'revoke' END,
             'designation', CAST(d.designation_id AS TEXT), NULL,
             json_object('companyId', g.company_id, 'level', g.level, 'note', d.note, 'story', 'demo'), NULL
      FROM designation_event d JOIN designation g ON g.id = d.designation_id
      LEFT JOIN user u ON u.id = d.by LEFT JOIN user m ON m.id = ${mother}`,
    // Issued quarterly statements.
    sql`${insert}
      SELECT s.issued_at, COALESCE(s.issued_by, l.user_id), COALESCE(u.email, l.email, 'system'), 'statement.issue', 'fund', CAST(s.fund_id AS TEXT), NULL,
             json_object('quarter', s.quarter, 'statementId', s.id, 'story', 'demo'), NULL
      FROM statement_issue s LEFT JOIN ${lead} l ON l.fund_id = s.fund_id LEFT JOIN user u ON u.id = s.issued_by`,
    // Every deal created or moved, by whoever moved it, when.
    sql`${insert}
      SELECT e.at, e.actor_user_id, e.actor_label, CASE WHEN e.from_stage IS NULL THEN 'deal.create' ELSE 'deal.move' END, 'deal', CAST(e.deal_id AS TEXT),
             CASE WHEN e.from_stage IS NULL THEN NULL ELSE json_object('stage', e.from_stage) END,
             json_object('stage', e.to_stage, 'kind', e.kind, 'reason', e.reason, 'story', 'demo'), NULL
      FROM deal_stage_event e`,
  ];
  let written = 0;
  for (const step of steps) written += (await tx.run(step)).rowsAffected;
  return written;
}
