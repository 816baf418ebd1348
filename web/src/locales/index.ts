import { account } from '../features/account/locales.js';
import { audit } from '../features/audit/locales.js';
import { auth } from '../features/auth/locales.js';
import { group } from '../features/group/locales.js';
import { pipeline } from '../features/pipeline/locales.js';
import { lp } from '../features/lp/locales.js';
import { performance, position } from '../features/performance/locales.js';
import { plan, planErrors, planFields, planValidation } from '../features/plan/locales.js';
import { users } from '../features/users/locales.js';
import type { Strings } from '../lib/i18n.js';
import { common, errors, fields, nav, validation } from './common.js';

type Tree = Record<string, unknown>;
const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null;
const merge = (a: Tree, b: Tree): Tree =>
  Object.fromEntries([...new Set([...Object.keys(a), ...Object.keys(b)])].map((k) => [k, isTree(a[k]) && isTree(b[k]) ? merge(a[k], b[k]) : (b[k] ?? a[k])]));
/** A feature's additions to a shared namespace (error keys, field rules, field names), merged key by key. */
const extend = (base: Strings, extra: Strings): Strings => ({ 'zh-CN': merge(base['zh-CN'], extra['zh-CN']), en: merge(base.en, extra.en) });

/** Every namespace of visible strings; features add theirs here. */
export const namespaces: Record<string, Strings> = {
  common,
  nav,
  errors: extend(errors, planErrors),
  validation: extend(validation, planValidation),
  fields: extend(fields, planFields),
  auth,
  group,
  lp,
  performance,
  position,
  users,
  audit,
  account,
  pipeline,
  plan,
};
