import { SECTORS, SPONSOR_TYPES } from '@highland/shared';
import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format.js';
import type { FundDetail } from './types.js';

/** The fund's facts and the rules the group checks it against. */
export function RulesTab({ d }: { d: FundDetail }) {
  const { t } = useTranslation('group');
  const f = useFormat();
  const fund = d.fund;
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} data-testid="fund-rules">
      <Descriptions.Item label={t('f.sponsorType')}>
        {fund.sponsorType ? SPONSOR_TYPES[fund.sponsorType][f.locale === 'en' ? 'en' : 'zh'] : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('f.decisionDate')}>{fund.decisionDate ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('f.establishedDate')}>{fund.establishedDate ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('f.term')}>{fund.termYears ? t('years', { n: fund.termYears }) : '—'}</Descriptions.Item>
      <Descriptions.Item label={t('f.investmentPeriod')}>{fund.investmentPeriodYears ? t('years', { n: fund.investmentPeriodYears }) : '—'}</Descriptions.Item>
      <Descriptions.Item label={t('f.targetSize')}>{fund.targetSizeFen ? f.money(fund.targetSizeFen) : '—'}</Descriptions.Item>
      <Descriptions.Item label={t('f.govShareCap')}>{fund.govShareCap !== null ? f.percent(fund.govShareCap, 0) : '—'}</Descriptions.Item>
      <Descriptions.Item label={t('f.override')}>{fund.govShareOverrideAllowed ? t('overrideAllowed') : t('overrideNotAllowed')}</Descriptions.Item>
      <Descriptions.Item label={t('f.reinvestK')}>
        {fund.reinvestK === 0 ? t('noRequirement') : `${f.number(fund.reinvestK, 1)} × · ${t(`basis.${fund.reinvestBasis}`)}`}
      </Descriptions.Item>
      <Descriptions.Item label={t('f.weights')}>
        {t('weightsText', { r: fund.reinvestWeightRegistered, l: fund.reinvestWeightRelocated, s: fund.reinvestWeightSubsidiary })}
      </Descriptions.Item>
      <Descriptions.Item label={t('f.fee')}>{fund.feeBasis ? `${t(`feeBasis.${fund.feeBasis}`)} · ${f.percent(fund.feeRate, 2)}` : '—'}</Descriptions.Item>
      <Descriptions.Item label={t('f.sectors')}>
        {fund.sectorFocus.map((s) => (
          <Tag key={s}>{SECTORS[s as keyof typeof SECTORS]?.[f.locale === 'en' ? 'en' : 'zh'] ?? s}</Tag>
        ))}
      </Descriptions.Item>
      {d.phases.map((p) => (
        <Descriptions.Item key={p.phase} label={f.name(p)}>
          {f.money(p.targetSizeFen)} · {t(`phaseStatus.${p.status}`)} · {p.plannedDate}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
