import { company, type DbOrTx, fund, user } from '@highland/drizzle';
import { DomainError } from '@highland/shared';
import { eq, inArray, sql } from 'drizzle-orm';
import { isPortfolioFirm } from './books.js';

/** The firms whose plan records a reader sees: every firm, or these (resolved by the router, auth/firm-scope.ts). */
export type FirmScope = 'all' | Set<number>;
export const firmReadable = (scope: FirmScope, companyId: number) => scope === 'all' || scope.has(companyId);

/** The as-of date of a read: the one asked for, else today (Shanghai). */
export const asOfOr = (read: { today: () => string }, asOf: string | undefined): string => asOf ?? read.today();

/** A business date may not lie after today (Shanghai). */
export function notFuture(path: string, date: string, today: string): void {
  if (date > today) throw DomainError.field(path, 'futureDate', `${path}: must not be after today (${today})`, { today });
}

/** A date may not precede another one it follows (`what` names that one in the message). */
export function notBefore(path: string, date: string, earliest: string, what: string): void {
  if (date < earliest) throw DomainError.field(path, 'beforeEarlier', `${path}: ${date} is before the ${what} (${earliest})`, { earliest, what });
}

export async function companyOrThrow(db: DbOrTx, companyId: number) {
  const [c] = await db.select().from(company).where(eq(company.id, companyId));
  if (!c) throw DomainError.field('companyId', 'unknownCompany', `companyId: no company with id ${companyId}`, { id: companyId });
  return c;
}

/** Refuses a firm that no fund of the group holds on `date` (a designation or listing is for portfolio firms). */
export async function assertPortfolioFirm(db: DbOrTx, companyId: number, nameZh: string, date: string, key: string): Promise<void> {
  if (!(await isPortfolioFirm(db, companyId, date)))
    throw new DomainError('VALIDATION', key, `companyId: ${nameZh} is not in the group's portfolio on ${date} (no fund holds an investment in it then)`, {
      params: { name: nameZh, date },
      fields: [
        {
          path: 'companyId',
          rule: 'outsidePortfolio',
          message: `companyId: ${nameZh} is not in the group's portfolio on ${date}`,
          params: { name: nameZh, date },
        },
      ],
    });
}

export async function userNames(db: DbOrTx, ids: ReadonlyArray<number | null>): Promise<Map<number, string>> {
  const list = [...new Set(ids.filter((i): i is number => i !== null))];
  if (!list.length) return new Map();
  const rows = await db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, list));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function fundCodes(db: DbOrTx): Promise<Map<number, { code: string; nameZh: string; nameEn: string; kind: string }>> {
  const rows = await db.select({ id: fund.id, code: fund.code, nameZh: fund.nameZh, nameEn: fund.nameEn, kind: fund.kind }).from(fund);
  return new Map(rows.map((r) => [r.id, r]));
}

export interface FirmInfo {
  id: number;
  nameZh: string;
  nameEn: string | null;
  uscc: string | null;
  sector: string;
  zone: string;
  registeredInShanghai: boolean;
}

/** The firms' names, sector and zone by id (one statement however many: the ids travel as one JSON array). */
export async function firmsById(db: DbOrTx, ids: ReadonlyArray<number>): Promise<Map<number, FirmInfo>> {
  const out = new Map<number, FirmInfo>();
  if (!ids.length) return out;
  const rows = await db.values<[number, string, string | null, string | null, string, string, number]>(sql`
    SELECT id, name_zh, name_en, uscc, sector, zone, registered_in_shanghai FROM company
    WHERE id IN (SELECT value FROM json_each(${JSON.stringify([...new Set(ids)])}))`);
  for (const r of rows) out.set(r[0], { id: r[0], nameZh: r[1], nameEn: r[2], uscc: r[3], sector: r[4], zone: r[5], registeredInShanghai: r[6] === 1 });
  return out;
}

/** The name, sector and zone a row about a firm shows ('' when the firm is unknown). */
export function firmFields(c: Pick<FirmInfo, 'nameZh' | 'nameEn' | 'sector' | 'zone'> | undefined) {
  return { nameZh: c?.nameZh ?? '', nameEn: c?.nameEn ?? null, sector: c?.sector ?? '', zone: c?.zone ?? '' };
}
