import type { Dayjs } from 'dayjs';
import { useState } from 'react';

export interface AuditFilters {
  entity?: string | undefined;
  action?: string | undefined;
  actorUserId?: number | undefined;
  object?: string | undefined;
  range?: [Dayjs, Dayjs] | null | undefined;
}

/** What the list and the export ask the server for: the filters, dates as calendar days (the server reads them in the business zone). */
export type AuditQuery = {
  entity?: string;
  action?: string;
  actorUserId?: number;
  object?: string;
  from?: string;
  to?: string;
};

export function useAuditFilters() {
  const [filters, setFilters] = useState<AuditFilters>({});
  const query: AuditQuery = {
    ...(filters.entity ? { entity: filters.entity } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.actorUserId ? { actorUserId: filters.actorUserId } : {}),
    ...(filters.object?.trim() ? { object: filters.object.trim() } : {}),
    ...(filters.range ? { from: filters.range[0].format('YYYY-MM-DD'), to: filters.range[1].format('YYYY-MM-DD') } : {}),
  };
  return { filters, setFilters, query };
}
