import type { FundScope } from '@highland/shared';
import { inArray, sql } from 'drizzle-orm';

/** A drizzle condition restricting `column` (a fund id) to the scope (`read.scope()`); undefined means no restriction. */
export function fundScopeCondition(scope: FundScope, column: Parameters<typeof inArray>[0]) {
  if (scope.all) return undefined;
  return scope.ids.length ? inArray(column, scope.ids) : sql`0`;
}

/** Whether a fund is in the scope. */
export function inScope(scope: FundScope, fundId: number): boolean {
  return scope.all || scope.ids.includes(fundId);
}
