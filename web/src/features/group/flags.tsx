import type { ComplianceFlag, ComplianceTrigger, ReinvestStatus } from '@highland/shared';
import { Tag, Tooltip } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.js';

export const triggerColor: Record<ComplianceTrigger, string> = {
  not_set_up: 'orange',
  idle_money: 'gold',
  gov_share_over_cap: 'red',
  term_ending: 'blue',
  term_expired: 'volcano',
  reinvest_breached: 'magenta',
};

export const reinvestColor: Record<ReinvestStatus, string> = { not_required: 'default', met: 'green', on_track: 'blue', at_risk: 'orange', breached: 'red' };

/** A flag's figures in words: amounts in the reader's unit, shares as percentages. */
export function flagDetail(flag: Pick<ComplianceFlag, 'trigger' | 'params'>, t: TFunction, f: ReturnType<typeof useFormat>): string {
  const p = flag.params;
  const money = (k: string) => f.money(Number(p[k] ?? 0));
  const pct = (k: string) => f.percent(Number(p[k] ?? 0), 2);
  return t(`group:triggerDetail.${flag.trigger}`, {
    ...p,
    idle: money('idleFen'),
    paidIn: money('paidInYearAgoFen'),
    used: money('usedFen'),
    share: pct('share'),
    cap: pct('cap'),
    completion: pct('completion'),
  });
}

export function FlagTag(props: { trigger: ComplianceTrigger; detail?: string }) {
  const { t } = useTranslation('group');
  return (
    <Tooltip title={props.detail}>
      <Tag color={triggerColor[props.trigger]} data-testid={`flag-${props.trigger}`} style={{ marginInlineEnd: 4, whiteSpace: 'normal' }}>
        {t(`triggers.${props.trigger}`)}
      </Tag>
    </Tooltip>
  );
}

export function ReinvestTag(props: { status: ReinvestStatus; completion: number | null }) {
  const { t } = useTranslation('group');
  const f = useFormat();
  return (
    <Tag color={reinvestColor[props.status]} style={{ marginInlineEnd: 0 }} data-testid={`reinvest-${props.status}`}>
      {t(`reinvestStatus.${props.status}`)}
      {props.completion !== null && props.status !== 'not_required' ? ` ${f.percent(props.completion, 0)}` : ''}
    </Tag>
  );
}
