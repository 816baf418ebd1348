import { account } from '../features/account/locales.js';
import { audit } from '../features/audit/locales.js';
import { auth } from '../features/auth/locales.js';
import { group } from '../features/group/locales.js';
import { pipeline } from '../features/pipeline/locales.js';
import { lp } from '../features/lp/locales.js';
import { performance, position } from '../features/performance/locales.js';
import { users } from '../features/users/locales.js';
import type { Strings } from '../lib/i18n.js';
import { common, errors, fields, nav, validation } from './common.js';

/** Every namespace of visible strings; features add theirs here. */
export const namespaces: Record<string, Strings> = {
  common,
  nav,
  errors,
  validation,
  fields,
  auth,
  group,
  lp,
  performance,
  position,
  users,
  audit,
  account,
  pipeline,
};
