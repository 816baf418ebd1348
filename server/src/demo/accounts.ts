import { type Tx, user, userFund, userRight } from '@highland/drizzle';
import type { Right, Role } from '@highland/shared';
import { hashPassword } from '../password.js';

export const DEMO_PASSWORD = 'demo-highland-2026';

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  fundCodes?: string[];
  investorName?: string;
  rights?: Right[];
}

/** One account per role (README lists them), plus a manager of the mother fund. */
export function demoAccounts(gpFund: string, lpName: string, motherCodes: string[]): DemoAccount[] {
  return [
    { email: 'admin@demo.highland', name: '系统管理员 王磊', role: 'admin' },
    { email: 'gov@demo.highland', name: '市发改委 李静（审查）', role: 'government', rights: ['signOff', 'refer'] },
    { email: 'gp@demo.highland', name: '基金经理 赵明', role: 'manager', fundCodes: [gpFund] },
    { email: 'lp@demo.highland', name: '申江证券 周岚', role: 'lp', investorName: lpName },
    { email: 'fof@demo.highland', name: '母基金投资总监 孙婷', role: 'manager', fundCodes: motherCodes },
  ];
}

export async function seedAccounts(
  tx: Tx,
  accounts: DemoAccount[],
  lookup: { fundIdByCode: Map<string, number>; investorIdByName: Map<string, number> },
  createdAt: string,
): Promise<number> {
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const a of accounts) {
    const investorId = a.investorName ? (lookup.investorIdByName.get(a.investorName) ?? null) : null;
    const [row] = await tx
      .insert(user)
      .values({ email: a.email, name: a.name, role: a.role, passwordHash: hash, investorId, createdAt })
      .returning({ id: user.id });
    if (!row) throw new Error('user insert failed');
    const fundIds = (a.fundCodes ?? []).map((c) => lookup.fundIdByCode.get(c)).filter((id): id is number => id !== undefined);
    if (a.rights?.length) await tx.insert(userRight).values(a.rights.map((right) => ({ userId: row.id, right })));
    if (fundIds.length) await tx.insert(userFund).values(fundIds.map((fundId) => ({ userId: row.id, fundId })));
  }
  return accounts.length;
}
