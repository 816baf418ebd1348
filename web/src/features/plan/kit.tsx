import {
  COMMITTEE_OUTCOMES,
  type CommitteeOutcome,
  DESIGNATION_CRITERIA,
  DESIGNATION_LEVELS,
  DESIGNATION_STATUSES,
  FIRST_SET_KINDS,
  LISTING_EVENT_KINDS,
  LISTING_PHASES,
  type Labelled,
  label,
  SECTORS,
  SUPPORT_KINDS,
  SUPPORT_STATUSES,
  TARGET_METRICS,
  type TargetMetric,
  type TargetStatus,
  ZONES,
} from '@highland/shared';
import { useQuery } from '@tanstack/react-query';
import { Select, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useFormat } from '../../lib/format.js';
import { useTRPC } from '../../lib/trpc.js';
import { zodRule } from '../../lib/validation.js';

export const isoOf = (d: Dayjs | null | undefined): string | undefined => (d ? d.format('YYYY-MM-DD') : undefined);

/** Labels of the shared reference data in the reader's language ('—' for an unknown code). */
export function useLabels() {
  const f = useFormat();
  const of = <K extends string>(table: Record<K, Labelled>, code: string | null | undefined) =>
    code && code in table ? label(table[code as K], f.locale) : (code ?? '—');
  return {
    metric: (m: string) => of(TARGET_METRICS, m),
    level: (l: string) => of(DESIGNATION_LEVELS, l),
    designationStatus: (s: string) => of(DESIGNATION_STATUSES, s),
    criterion: (c: string) => of(DESIGNATION_CRITERIA, c),
    event: (k: string) => of(LISTING_EVENT_KINDS, k),
    outcome: (o: string | null | undefined) => of(COMMITTEE_OUTCOMES, o),
    phase: (p: string) => of(LISTING_PHASES, p),
    supportKind: (k: string) => of(SUPPORT_KINDS, k),
    supportStatus: (s: string) => of(SUPPORT_STATUSES, s),
    firstSet: (k: string) => of(FIRST_SET_KINDS, k),
    sector: (s: string) => of(SECTORS, s),
    zone: (z: string) => of(ZONES, z),
  };
}

export const STATUS_COLOR: Record<TargetStatus, string> = { met: 'green', on_track: 'blue', behind: 'orange', missed: 'red' };
export const COMMITTEE_COLOR: Record<CommitteeOutcome, string> = { passed: 'green', deferred: 'gold', rejected: 'red' };

/** A target figure in its unit: money in 亿元 (or bn), counts as numbers of firms. */
export function useMetricValue() {
  const f = useFormat();
  const { t } = useTranslation('plan');
  return (metric: TargetMetric, v: number | null | undefined, digits = 2) => {
    if (v === null || v === undefined) return '—';
    if (TARGET_METRICS[metric].unit === 'fen') return f.money(Math.round(v), { unit: f.locale === 'en' ? 'bn' : 'yi', digits });
    return `${f.number(v, Number.isInteger(v) ? 0 : 1)} ${t('unitFirms')}`;
  };
}

export function StatusTag(props: { status: TargetStatus | null }) {
  const { t } = useTranslation('plan');
  if (!props.status) return null;
  return (
    <Tag color={STATUS_COLOR[props.status]} data-testid={`status-${props.status}`}>
      {t(`scoreboard.status.${props.status}`)}
    </Tag>
  );
}

/** A rule from a field schema for an input typed in another unit (万元, 亿元, a date picker). */
export function convertedRule<T>(schema: z.ZodType, t: Parameters<typeof zodRule>[1], convert: (v: T) => unknown) {
  const rule = zodRule(schema, t) as { validator: (r: unknown, v: unknown) => Promise<void> };
  return { validator: (r: unknown, v: T) => rule.validator(r, v === null || v === undefined ? undefined : convert(v)) };
}

/** Picks a firm the manager keeps records for; marks whether it is in the portfolio on `date`. */
export function FirmSelect(props: { value?: number; onChange?: (v: number) => void; date?: string; testId?: string; portfolioOnly?: boolean }) {
  const { t } = useTranslation('plan');
  const trpc = useTRPC();
  const [q, setQ] = useState('');
  const options = useQuery(trpc.scoreboard.firmOptions.queryOptions({ q, date: props.date }));
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={props.value}
      onChange={props.onChange}
      loading={options.isFetching}
      data-testid={props.testId ?? 'firm-select'}
      placeholder={t('firm')}
      options={(options.data ?? []).map((o) => ({
        value: o.id,
        disabled: props.portfolioOnly === true && !o.inPortfolio,
        label: (
          <span>
            {o.nameZh}{' '}
            <Tag color={o.inPortfolio ? 'blue' : 'default'} style={{ marginInlineStart: 4 }}>
              {o.inPortfolio ? t('designations.inPortfolio') : t('designations.notInPortfolio')}
            </Tag>
          </span>
        ),
      }))}
    />
  );
}
