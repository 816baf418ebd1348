/**
 * The four roles and their names. What each may see and do is decided by the predicates of policy.ts
 * (the one permission source, ADR 044), enforced by the server's auth layer and used by the web.
 */
export const ROLES = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  government: { zh: '政府审查人员', en: 'Government reviewer' },
  manager: { zh: '基金管理人', en: 'Fund manager' },
  lp: { zh: '有限合伙人', en: 'Limited partner' },
} as const;
export type Role = keyof typeof ROLES;
export const ROLE_CODES = Object.keys(ROLES) as [Role, ...Role[]];
