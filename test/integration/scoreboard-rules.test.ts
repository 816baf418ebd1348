import { auditEvent, type Db } from '@highland/drizzle';
import { TRPCError } from '@trpc/server';
import { desc, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadFixture } from './access-cases.js';
import { type Caller, harness } from './helpers/harness.js';

const YI = 10_000_000_000;
const WAN = 1_000_000;

/** Row counts of every table the plan's writes touch: "nothing written" means these do not move. */
async function counts(db: Db) {
  const [r] = await db.all<Record<string, number>>(sql`SELECT
    (SELECT count(*) FROM designation) AS designations, (SELECT count(*) FROM designation_event) AS designationEvents,
    (SELECT count(*) FROM listing_attempt) AS attempts, (SELECT count(*) FROM listing_event) AS listingEvents,
    (SELECT count(*) FROM policy_support) AS support, (SELECT count(*) FROM consulting_session) AS sessions,
    (SELECT count(*) FROM programme) AS programmes, (SELECT count(*) FROM programme_target) AS targets,
    (SELECT count(*) FROM audit_event) AS audit`);
  return r;
}

/** The code, field and rule of a refused call (or 'ok'). */
async function refusal(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => 'ok',
    (e: unknown) => {
      if (!(e instanceof TRPCError)) return `threw ${String(e)}`;
      const cause = e.cause as
        | {
            key?: string;
            details?: { fields?: Array<{ path: string; rule: string }> };
            issues?: Array<{ path: unknown[]; code: string; params?: { rule?: string } }>;
          }
        | undefined;
      const f = cause?.details?.fields?.[0];
      if (f) return `${e.code} ${f.path} ${f.rule}`;
      const z = cause?.issues?.[0];
      if (z) return `${e.code} ${z.path.join('.')} ${z.params?.rule ?? z.code}`;
      return `${e.code} ${cause?.key ?? e.message}`;
    },
  );
}

/** The demo's open attempt at the inquiry stage, and one at tutoring. */
async function openAttempts(gov: Caller) {
  const board = await gov.listing.board({ asOf: '2026-11-15' });
  const at = (stage: string) => board.attempts.find((a) => a.outcome === null && !a.suspended && a.stage === stage);
  const inquiry = at('inquiry');
  const tutoring = at('tutoring_filed');
  if (!inquiry || !tutoring) throw new Error('the demo has an attempt in inquiry and one in tutoring');
  return { inquiry, tutoring };
}

describe('bad input is refused with a clear message, and nothing is written', () => {
  it('the issue’s five cases', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const fof = await h.as('fof@demo.highland');
    const gp = await h.as('gp@demo.highland');
    const { inquiry } = await openAttempts(await h.as('gov@demo.highland'));
    const detail = await fof.listing.detail({ id: inquiry.id });
    const [first] = await h.db.all<{ date: string }>(sql`SELECT min(date) AS date FROM investment WHERE company_id = ${fx.gpCompanyId}`);
    const before = await counts(h.db);
    const outcomes = {
      stageDateBeforePrevious: await refusal(fof.listing.record({ attemptId: inquiry.id, kind: 'committee', outcome: 'passed', date: '2020-01-01' })),
      stageSkipped: await refusal(fof.listing.record({ attemptId: inquiry.id, kind: 'registered', date: '2026-11-10' })),
      subsidyAboveCap: await refusal(
        gp.support.create({
          kind: 'scenario_project',
          companyId: fx.gpCompanyId,
          title: '智慧交通场景',
          appliedOn: '2026-11-01',
          basisFen: 10_000 * WAN,
          appliedFen: 2_500 * WAN,
        }),
      ),
      designationOutsidePortfolio: await refusal(
        gp.designation.nominate({ companyId: fx.gpCompanyId, level: 'benchmark', date: '2019-01-02', criteria: ['focus_sector'], evidence: '材料' }),
      ),
      secondOpenAttempt: await refusal(
        fof.listing.open({ companyId: inquiry.companyId, date: '2026-11-01', sponsor: '浦江证券', listingStandard: 1, plannedRaiseFen: 5 * YI }),
      ),
    };
    expect({ outcomes, heldLater: (first?.date ?? '') > '2019-01-02', lastDate: detail.lastDate !== null, unchanged: await counts(h.db) }).toEqual({
      outcomes: {
        stageDateBeforePrevious: 'BAD_REQUEST date dateBeforePrevious',
        stageSkipped: 'BAD_REQUEST kind stageSkipped',
        subsidyAboveCap: 'BAD_REQUEST appliedFen aboveCap',
        designationOutsidePortfolio: 'BAD_REQUEST companyId outsidePortfolio',
        secondOpenAttempt: 'CONFLICT listing.openAttemptExists',
      },
      heldLater: true,
      lastDate: true,
      unchanged: before,
    });
  });

  it('the messages name the field, the rule and the cap', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const gp = await h.as('gp@demo.highland');
    const message = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: Error) => e.message,
      );
    expect({
      cap: await message(
        gp.support.create({
          kind: 'scenario_project',
          companyId: fx.gpCompanyId,
          title: '场景',
          appliedOn: '2026-11-01',
          basisFen: 10_000 * WAN,
          appliedFen: 2_500 * WAN,
        }),
      ),
      person: await message(
        gp.support.create({
          kind: 'team_reward',
          companyId: fx.gpCompanyId,
          title: '核心团队奖励',
          appliedOn: '2026-11-01',
          appliedFen: 60 * WAN,
          recipients: [{ name: '陈晓东', amountFen: 60 * WAN }],
        }),
      ),
    }).toEqual({
      cap: 'appliedFen: ¥25,000,000 is above the cap — 30% of the project investment (¥100,000,000), at most ¥20,000,000: ¥20,000,000',
      person: 'recipients.0.amountFen: ¥600,000 is above the cap of ¥500,000 a person',
    });
  });

  it('the other rules of designations, listings, support and programmes', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const fof = await h.as('fof@demo.highland');
    const gp = await h.as('gp@demo.highland');
    const admin = await h.as('admin@demo.highland');
    const { inquiry, tutoring } = await openAttempts(await h.as('gov@demo.highland'));
    const designated = new Set((await h.db.all<{ id: number }>(sql`SELECT company_id AS id FROM designation`)).map((r) => r.id));
    const fresh = (await fof.scoreboard.firmOptions({ q: '', date: '2026-11-01' })).find(
      (f) => f.inPortfolio && !designated.has(f.id) && f.id !== fx.gpCompanyId,
    );
    const [outside] = await h.db.all<{ id: number }>(sql`
      SELECT c.id FROM company c WHERE c.registered_in_shanghai = 0 AND c.id IN (SELECT company_id FROM investment WHERE date <= '2026-01-01')
        AND NOT EXISTS (SELECT 1 FROM investment_exit x WHERE x.company_id = c.id) ORDER BY c.id LIMIT 1`);
    if (!fresh || !outside) throw new Error('the demo has an undesignated portfolio firm and one registered outside Shanghai');
    const byGp = await gp.designation.nominate({
      companyId: fx.gpCompanyId,
      level: 'leader',
      date: '2026-11-01',
      criteria: ['focus_sector'],
      evidence: '审计报告',
    });
    const byFof = await fof.designation.nominate({
      companyId: fresh.id,
      level: 'benchmark',
      date: '2026-11-01',
      criteria: ['focus_sector'],
      evidence: '审计报告',
    });
    const before = await counts(h.db);
    const voucher = { kind: 'innovation_voucher' as const, companyId: fx.gpCompanyId, title: '创新券', appliedOn: '2026-11-01', basisFen: 500 * WAN };
    const outcomes = {
      voucherAboveTwoMillion: await refusal(gp.support.create({ ...voucher, appliedFen: 250 * WAN })),
      firstSetAboveThirtyPercent: await refusal(
        gp.support.create({
          kind: 'first_set',
          firstSetKind: 'first_set',
          companyId: fx.gpCompanyId,
          title: '首台套',
          appliedOn: '2026-11-01',
          basisFen: 1000 * WAN,
          appliedFen: 301 * WAN,
        }),
      ),
      teamRewardSumMismatch: await refusal(
        gp.support.create({
          kind: 'team_reward',
          companyId: fx.gpCompanyId,
          title: '奖励',
          appliedOn: '2026-11-01',
          appliedFen: 10 * WAN,
          recipients: [{ name: '林', amountFen: 20 * WAN }],
        }),
      ),
      subsidyForMilestoneNotReached: await refusal(
        fof.support.create({
          kind: 'listing_subsidy',
          companyId: tutoring.companyId,
          listingAttemptId: tutoring.id,
          milestone: 'listed',
          title: '上市补贴',
          appliedOn: '2026-11-01',
          appliedFen: 150 * WAN,
        }),
      ),
      subsidyWithoutSchedule: await refusal(
        fof.support.create({
          kind: 'listing_subsidy',
          companyId: inquiry.companyId,
          listingAttemptId: inquiry.id,
          milestone: 'inquiry',
          title: '问询补贴',
          appliedOn: '2026-11-01',
          appliedFen: 10 * WAN,
        }),
      ),
      futureApplication: await refusal(gp.support.create({ ...voucher, appliedOn: '2027-01-01', appliedFen: 100 * WAN })),
      selfReview: await refusal(fof.designation.review({ id: byFof.id, decision: 'approved', date: '2026-11-02' })),
      reviewBySubFundManager: await refusal(gp.designation.review({ id: byGp.id, decision: 'approved', date: '2026-11-02' })),
      rejectWithoutReason: await refusal(fof.designation.review({ id: byGp.id, decision: 'rejected', date: '2026-11-02' })),
      reviewBeforeNomination: await refusal(fof.designation.review({ id: byGp.id, decision: 'approved', date: '2026-10-01' })),
      revokeNotInForce: await refusal(fof.designation.revoke({ id: byGp.id, date: '2026-11-02', reason: '不再符合' })),
      duplicateNomination: await refusal(
        gp.designation.nominate({ companyId: fx.gpCompanyId, level: 'leader', date: '2026-11-01', criteria: ['core_ip'], evidence: '专利' }),
      ),
      contradictedCriterion: await refusal(
        fof.designation.nominate({ companyId: outside.id, level: 'leader', date: '2026-10-01', criteria: ['shanghai_registered'], evidence: '注册证明' }),
      ),
      committeeWithoutOutcome: await refusal(fof.listing.record({ attemptId: inquiry.id, kind: 'committee', date: '2026-11-10' })),
      suspendDuringTutoring: await refusal(fof.listing.record({ attemptId: tutoring.id, kind: 'suspended', date: '2026-11-10' })),
      resumeWithoutSuspension: await refusal(fof.listing.record({ attemptId: inquiry.id, kind: 'resumed', date: '2026-11-10' })),
      undoOpening: await refusal(fof.listing.undo({ attemptId: tutoring.id, reason: '误录' })),
      fifthStandardBelowFourBillion: await refusal(
        fof.listing.update({ id: inquiry.id, sponsor: '浦江证券', listingStandard: 5, plannedRaiseFen: 5 * YI, expectedMarketValueFen: 30 * YI }),
      ),
      programmeEndBeforeStart: await refusal(
        admin.programme.create({ code: 'SH-AI-2030', nameZh: '新计划', nameEn: 'New plan', startDate: '2030-01-01', endDate: '2029-12-31' }),
      ),
      programmeDuplicateCode: await refusal(
        admin.programme.create({ code: 'SH-AI-2019', nameZh: '重复', nameEn: 'Duplicate', startDate: '2030-01-01', endDate: '2031-12-31' }),
      ),
      targetOfZero: await refusal(admin.programme.setTarget({ programmeId: 1, metric: 'leader_firms', targetValue: 0 })),
    };
    expect({ outcomes, unchanged: await counts(h.db) }).toEqual({
      outcomes: {
        voucherAboveTwoMillion: 'BAD_REQUEST appliedFen aboveCap',
        firstSetAboveThirtyPercent: 'BAD_REQUEST appliedFen aboveCap',
        teamRewardSumMismatch: 'BAD_REQUEST appliedFen recipientsSum',
        subsidyForMilestoneNotReached: 'BAD_REQUEST milestone milestoneNotReached',
        subsidyWithoutSchedule: 'BAD_REQUEST milestone noSchedule',
        futureApplication: 'BAD_REQUEST appliedOn futureDate',
        selfReview: 'FORBIDDEN designation.selfReview',
        reviewBySubFundManager: 'FORBIDDEN scope.motherFundOnly',
        rejectWithoutReason: 'BAD_REQUEST note reasonRequired',
        reviewBeforeNomination: 'BAD_REQUEST date beforeEarlier',
        revokeNotInForce: 'PRECONDITION_FAILED designation.notInForce',
        duplicateNomination: 'CONFLICT designation.duplicate',
        contradictedCriterion: 'BAD_REQUEST criteria contradicted',
        committeeWithoutOutcome: 'BAD_REQUEST outcome outcomeRequired',
        suspendDuringTutoring: 'BAD_REQUEST kind cannotSuspend',
        resumeWithoutSuspension: 'BAD_REQUEST kind notSuspended',
        undoOpening: 'PRECONDITION_FAILED listing.cannotUndoOpening',
        fifthStandardBelowFourBillion: 'BAD_REQUEST expectedMarketValueFen fifthStandardMarketValue',
        programmeEndBeforeStart: 'BAD_REQUEST endDate endBeforeStart',
        programmeDuplicateCode: 'BAD_REQUEST code duplicate',
        targetOfZero: 'BAD_REQUEST targetValue too_small',
      },
      unchanged: before,
    });
  });

  it('over HTTP a refusal is a 400 with the field and the rule, never a 500', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const cookie = await h.cookieFor('gp@demo.highland');
    const res = await h.http('support.create', {
      cookie,
      input: { kind: 'innovation_voucher', companyId: fx.gpCompanyId, title: '创新券', appliedOn: '2026-11-01', basisFen: 500 * WAN, appliedFen: 201 * WAN },
    });
    const body = (await res.json()) as {
      error: { data: { domain: { key: string; fields: Array<{ path: string; rule: string; params: { capText: string } }> } } };
    };
    const f = body.error.data.domain.fields[0];
    expect({ status: res.status, key: body.error.data.domain.key, field: f?.path, rule: f?.rule, cap: f?.params.capText }).toEqual({
      status: 400,
      key: 'validation.aboveCap',
      field: 'appliedFen',
      rule: 'aboveCap',
      cap: '¥2,000,000',
    });
  });
});

describe('the plan’s records through their life', () => {
  it('a subsidy is applied for, approved within the cap applied and paid; the totals follow', async () => {
    const h = await harness();
    const fx = await loadFixture(h.db);
    const gp = await h.as('gp@demo.highland');
    const s = await gp.support.create({
      kind: 'scenario_project',
      companyId: fx.gpCompanyId,
      title: '智慧港口场景',
      appliedOn: '2026-11-01',
      basisFen: 5_000 * WAN,
      appliedFen: 1_500 * WAN,
    });
    const overApproved = await refusal(gp.support.decide({ id: s.id, decision: 'approved', date: '2026-11-05', approvedFen: 1_600 * WAN }));
    await gp.support.decide({ id: s.id, decision: 'approved', date: '2026-11-05', approvedFen: 1_200 * WAN });
    const overPaid = await refusal(gp.support.pay({ id: s.id, date: '2026-11-10', paidFen: 1_300 * WAN }));
    const paidEarly = await refusal(gp.support.pay({ id: s.id, date: '2026-11-04', paidFen: 1_200 * WAN }));
    const before = await gp.support.totals({ by: 'company', asOf: '2026-11-15' });
    await gp.support.pay({ id: s.id, date: '2026-11-10', paidFen: 1_200 * WAN });
    const after = await gp.support.totals({ by: 'company', asOf: '2026-11-15' });
    const row = (t: typeof after) => t.rows.find((r) => r.key === String(fx.gpCompanyId));
    const [audit] = await h.db.select({ action: auditEvent.action }).from(auditEvent).orderBy(desc(auditEvent.id)).limit(1);
    expect({
      cap: s.capFen,
      overApproved,
      overPaid,
      paidEarly,
      paidDelta: (row(after)?.paidFen ?? 0) - (row(before)?.paidFen ?? 0),
      byKind: (row(after)?.paidByKind.scenario_project ?? 0) - (row(before)?.paidByKind.scenario_project ?? 0),
      lastAudit: audit?.action,
    }).toEqual({
      cap: 1_500 * WAN,
      overApproved: 'BAD_REQUEST approvedFen aboveCap',
      overPaid: 'BAD_REQUEST paidFen aboveApproved',
      paidEarly: 'BAD_REQUEST date beforeEarlier',
      paidDelta: 1_200 * WAN,
      byKind: 1_200 * WAN,
      lastAudit: 'support.pay',
    });
  });

  it('a mistaken stage is undone (audited), and the attempt goes on', async () => {
    const h = await harness();
    const fof = await h.as('fof@demo.highland');
    const { inquiry } = await openAttempts(await h.as('gov@demo.highland'));
    await fof.listing.record({ attemptId: inquiry.id, kind: 'suspended', date: '2026-11-03', note: '财务资料过期' });
    const suspended = await fof.listing.detail({ id: inquiry.id });
    await fof.listing.undo({ attemptId: inquiry.id, reason: '误录：未中止' });
    const undone = await fof.listing.detail({ id: inquiry.id });
    await fof.listing.record({ attemptId: inquiry.id, kind: 'committee', date: '2026-11-05', outcome: 'deferred' });
    const [audit] = await h.db.all<{ action: string }>(sql`SELECT action FROM audit_event WHERE action = 'listing.undo'`);
    expect({ suspended: suspended.next, undone: undone.next, stage: (await fof.listing.detail({ id: inquiry.id })).next, audit: audit?.action }).toEqual({
      suspended: ['resumed', 'terminated'],
      undone: ['committee', 'suspended', 'terminated'],
      stage: ['committee', 'suspended', 'terminated'],
      audit: 'listing.undo',
    });
  });

  it('programme targets are edited by administrators, audited, and show on the scoreboard', async () => {
    const h = await harness();
    const admin = await h.as('admin@demo.highland');
    const gov = await h.as('gov@demo.highland');
    const p = await admin.programme.create({
      code: 'SH-AI-2027',
      nameZh: '2027–2029 年目标',
      nameEn: 'Targets 2027–2029',
      startDate: '2027-01-01',
      endDate: '2029-12-31',
    });
    await admin.programme.setTarget({ programmeId: p.id, metric: 'star_listings', targetValue: 8, note: '领导小组决定' });
    await admin.programme.setTarget({ programmeId: p.id, metric: 'star_listings', targetValue: 10 });
    await admin.programme.setTarget({ programmeId: p.id, metric: 'leader_firms', targetValue: 20 });
    await admin.programme.removeTarget({ programmeId: p.id, metric: 'leader_firms' });
    const view = await gov.scoreboard.view({ programmeId: p.id, asOf: '2026-11-15' });
    const actions = await h.db.all<{ action: string }>(sql`SELECT action FROM audit_event WHERE entity = 'programme' ORDER BY id`);
    expect({
      targets: view.metrics.filter((m) => m.target !== null).map((m) => [m.metric, m.target, m.status]),
      actions: actions.map((a) => a.action),
    }).toEqual({
      targets: [['star_listings', 10, 'behind']],
      actions: ['programme.create', 'programme.target.create', 'programme.target.update', 'programme.target.create', 'programme.target.remove'],
    });
  });

  it('designation counts as of any date follow approvals and revocations', async () => {
    const h = await harness();
    const gov = await h.as('gov@demo.highland');
    const at = async (asOf: string) => (await gov.designation.list({ asOf })).counts;
    const spans = await h.db.all<{ level: string; effective_on: string; revoked_on: string | null }>(
      sql`SELECT level, effective_on, revoked_on FROM designation WHERE effective_on IS NOT NULL`,
    );
    const count = (level: string, d: string) =>
      spans.filter((s) => s.level === level && s.effective_on <= d && (s.revoked_on === null || s.revoked_on > d)).length;
    const dates = ['2021-12-31', '2024-06-30', '2026-10-31'];
    expect(await Promise.all(dates.map(async (d) => ({ ...(await at(d)), pending: 0 })))).toEqual(
      dates.map((d) => ({ leader: count('leader', d), benchmark: count('benchmark', d), pending: 0 })),
    );
  });

  it('the XLSX export opens and stores numbers as numbers', async () => {
    const h = await harness();
    const gov = await h.as('gov@demo.highland');
    const file = await gov.scoreboard.exportXlsx({ asOf: '2026-10-31' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const targets = wb.getWorksheet('目标进度 Targets');
    const mother = targets?.getRow(7);
    const view = await gov.scoreboard.view({ asOf: '2026-10-31' });
    expect({
      sheets: wb.worksheets.map((w) => w.name),
      motherValue: mother?.getCell(4).value,
      motherType: typeof mother?.getCell(4).value,
      filename: file.filename,
    }).toEqual({
      sheets: [
        '目标进度 Targets',
        '趋势 Trend',
        '母基金出资人 Mother fund LPs',
        '基金群构成 Fund group',
        '龙头企业 Leaders',
        '标杆企业 Benchmarks',
        '产值 Output value',
        '产值缺口 Output gaps',
        '科创板上市 Listings',
      ],
      motherValue: (view.metrics.find((m) => m.metric === 'mother_fund_size')?.value ?? 0) / 100,
      motherType: 'number',
      filename: 'scoreboard-SH-AI-2022-2026-10-31.xlsx',
    });
  });
});
