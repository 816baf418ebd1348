/**
 * Roles and what each may do (docs/domain.md#who-uses-it). Enforced on the server only.
 * - admin: accounts and reference data; reads everything.
 * - government: reads everything, edits no fund's books.
 * - manager: reads and edits the funds they manage (and reads the sub-funds under them).
 * - lp: reads only its own investor's commitments and the funds it is in.
 */
export const ROLES = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  government: { zh: '政府审查人员', en: 'Government reviewer' },
  manager: { zh: '基金管理人', en: 'Fund manager' },
  lp: { zh: '有限合伙人', en: 'Limited partner' },
} as const;
export type Role = keyof typeof ROLES;
export const ROLE_CODES = Object.keys(ROLES) as [Role, ...Role[]];
