import { capitalCall, fund, user } from '@highland/drizzle';
import { mutate } from '@highland/server/audit';
import { parseCsv } from '@highland/shared';
import { asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { harness } from './helpers/harness.js';

/** The trail a reviewer reads: the demo's story events, objects by name, filters, pages and exports. */
describe('the audit trail a reviewer can use', () => {
  it('the demo leaves the events its stories would have left, by the accounts that would have acted, on their business dates', async () => {
    const h = await harness();
    const gov = await h.as('gov@demo.highland');
    const sf01 = (await h.db.select().from(fund).where(eq(fund.code, 'SF-01')))[0];
    const firstCall = (
      await h.db
        .select()
        .from(capitalCall)
        .where(eq(capitalCall.fundId, sf01?.id ?? 0))
        .orderBy(asc(capitalCall.callNo))
    )[0];
    const calls = await gov.audit.list({ action: 'ledger.call', entity: 'fund', entityId: String(sf01?.id), limit: 500 });
    const call = calls.items.find((e) => (e.after as { callId?: number }).callId === firstCall?.id);
    const facets = await gov.audit.facets();
    const count = async (action: string) => (await gov.audit.list({ action, limit: 5 })).items.length;
    expect({
      actions: [
        'commitment.record',
        'ledger.call',
        'ledger.contribution',
        'ledger.distribution',
        'investment.create',
        'designation.approve',
        'deal.move',
        'deal.create',
      ].map((a) => facets.actions.includes(a)),
      callActor: call?.actorLabel,
      callAt: call?.at,
      seen: [await count('designation.nominate'), await count('valuation.approve')],
      people: facets.actors.some((a) => a.label === 'fof@demo.highland' && a.name === '母基金投资总监 孙婷'),
    }).toEqual({
      actions: [true, true, true, true, true, true, true, true],
      callActor: 'gp@demo.highland',
      callAt: `${firstCall?.noticeDate}T02:00:00.000Z`,
      seen: [5, 5],
      people: true,
    });
  });

  it('objects are named, not bare ids: the fund, the call, the investor, the deal’s company', async () => {
    const h = await harness();
    const gov = await h.as('gov@demo.highland');
    const call = (await gov.audit.list({ action: 'ledger.call', object: 'SF-01', limit: 1 })).items[0];
    const commitment = (await gov.audit.list({ action: 'commitment.record', object: 'SF-01', limit: 1 })).items[0];
    const move = (await gov.audit.list({ action: 'deal.move', limit: 1 })).items[0];
    expect({
      fund: call?.object?.nameZh.startsWith('SF-01 '),
      callRef: call?.related.find((r) => r.entity === 'capital_call')?.nameZh.startsWith('SF-01 第'),
      investor: commitment?.related.some((r) => r.entity === 'investor' && r.nameZh.length > 1),
      deal: move?.object?.entity === 'deal' && move.object.fundId !== null && move.object.nameZh.includes(' · '),
      actorName: typeof move?.actorName,
    }).toEqual({ fund: true, callRef: true, investor: true, deal: true, actorName: 'string' });
  });

  it('filters by actor, action, object name and Shanghai calendar days; pages by keyset without gaps or repeats', async () => {
    const h = await harness();
    const admin = await h.as('admin@demo.highland');
    const gpId = (await h.db.select({ id: user.id }).from(user).where(eq(user.email, 'gp@demo.highland')))[0]?.id ?? 0;
    // An event at 01:30 on 8 December in Shanghai (17:30 UTC on the 7th).
    await mutate({ db: h.db, actor: { userId: gpId, email: 'gp@demo.highland' }, now: () => new Date('2026-12-07T17:30:00Z') }, async (_tx, audit) => {
      await audit({ action: 'test.lateNight', entity: 'fund', entityId: 1 });
    });
    const late = async (from: string, to: string) => (await admin.audit.list({ action: 'test.lateNight', from, to })).items.length;
    const byActor = await admin.audit.list({ actorUserId: gpId, limit: 200 });
    const byObject = await admin.audit.list({ object: 'SF-01', action: 'ledger.*', limit: 200 });
    const sf01 = (await h.db.select({ id: fund.id }).from(fund).where(eq(fund.code, 'SF-01')))[0]?.id;
    const pages: number[] = [];
    const ats: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 4; i++) {
      const p = await admin.audit.list({ action: 'deal.*', limit: 25, ...(cursor ? { cursor } : {}) });
      pages.push(...p.items.map((e) => e.id));
      ats.push(...p.items.map((e) => e.at));
      cursor = p.nextCursor ?? undefined;
      if (!cursor) break;
    }
    expect({
      shanghaiDay: [await late('2026-12-08', '2026-12-08'), await late('2026-12-07', '2026-12-07'), await late('2026-12-01', '2026-12-31')],
      actor: byActor.items.length > 0 && byActor.items.every((e) => e.actorUserId === gpId),
      object: byObject.items.length > 0 && byObject.items.every((e) => e.entity === 'fund' && e.entityId === String(sf01) && e.action.startsWith('ledger.')),
      unique: [new Set(pages).size, pages.length],
      newestFirst: ats.every((a, i) => i === 0 || (ats[i - 1] as string) >= a),
    }).toEqual({ shanghaiDay: [1, 0, 1], actor: true, object: true, unique: [100, 100], newestFirst: true });
  });

  it('exports the filtered trail as CSV and XLSX, the same events as the list, escaped against formulas', async () => {
    const h = await harness();
    const admin = await h.as('admin@demo.highland');
    const gov = await h.as('gov@demo.highland');
    const victim = (await h.db.select({ id: user.id }).from(user).where(eq(user.email, 'lp@demo.highland')))[0]?.id ?? 0;
    await admin.user.update({ id: victim, name: '=HYPERLINK("http://evil","x")' });
    await h.as('lp@demo.highland');
    const filter = { actorUserId: victim };
    const listed = await gov.audit.list({ ...filter, limit: 500 });
    const csv = await gov.audit.export({ ...filter, format: 'csv', locale: 'en' });
    const rows = parseCsv(
      Buffer.from(csv.base64, 'base64')
        .toString('utf8')
        .replace(/^\ufeff/, ''),
    );
    const xlsx = await gov.audit.export({ ...filter, format: 'xlsx', locale: 'zh-CN' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const range = await gov.audit.export({ action: 'ledger.call', from: '2025-01-01', to: '2025-12-31', format: 'csv', locale: 'zh-CN' });
    const rangeRows = parseCsv(
      Buffer.from(range.base64, 'base64')
        .toString('utf8')
        .replace(/^\ufeff/, ''),
    ).slice(1);
    expect({
      csvHeader: rows[0]?.slice(0, 4),
      csvRows: rows.length - 1,
      csvIds: rows.slice(1).map((r) => Number(r[11])),
      escaped: rows[1]?.[2],
      xlsxRows: (sheet?.rowCount ?? 0) - 1,
      xlsxEscaped: String(sheet?.getRow(2).getCell(3).value),
      xlsxName: xlsx.filename.endsWith('.xlsx'),
      rangeAll: rangeRows.length > 0 && rangeRows.every((r) => r[3] === 'ledger.call' && (r[0] ?? '') >= '2025-01-01' && (r[0] ?? '') < '2026-01-01'),
    }).toEqual({
      csvHeader: ['Time (Beijing)', 'Actor', 'Actor name', 'Action'],
      csvRows: listed.items.length,
      csvIds: listed.items.map((e) => e.id),
      escaped: `'=HYPERLINK("http://evil","x")`,
      xlsxRows: listed.items.length,
      xlsxEscaped: `'=HYPERLINK("http://evil","x")`,
      xlsxName: true,
      rangeAll: true,
    });
  });
});
