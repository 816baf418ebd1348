import { ZONES, type Zone } from '@highland/shared';
import { Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format.js';
import { ReinvestTag } from '../flags.js';
import type { FundDetail } from './types.js';

/** The reinvestment engine's answer for the fund, and the investments that count, and why. */
export function ReinvestTab(props: { d: FundDetail['reinvest']; basis: 'committed' | 'paid_in'; evidence: FundDetail['evidence'] }) {
  const { t } = useTranslation('group');
  const f = useFormat();
  const r = props.d;
  if (!r.required)
    return (
      <Typography.Paragraph type="secondary" data-testid="reinvest-none">
        {t('noRequirementLong')}
      </Typography.Paragraph>
    );
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered style={{ marginBottom: 12 }} data-testid="reinvest-summary">
        <Descriptions.Item label={t('f.reinvestK')}>{`${f.number(r.k, 1)} × · ${t(`basis.${props.basis}`)}`}</Descriptions.Item>
        <Descriptions.Item label={t('reinvestCounted')}>{f.money(r.countedFen)}</Descriptions.Item>
        <Descriptions.Item label={t('reinvest')}>
          <ReinvestTag status={r.status} completion={r.completion[props.basis]} />
        </Descriptions.Item>
        <Descriptions.Item label={t('reinvestRequired', { basis: t('basis.committed') })}>
          {f.money(r.requiredFen.committed)} · {f.percent(r.completion.committed)}
        </Descriptions.Item>
        <Descriptions.Item label={t('reinvestRequired', { basis: t('basis.paid_in') })}>
          {f.money(r.requiredFen.paid_in)} · {f.percent(r.completion.paid_in)}
        </Descriptions.Item>
        <Descriptions.Item label={t('periodEnd')}>
          {r.periodEnd ?? '—'} {r.elapsed !== null ? `· ${t('elapsed', { pct: f.percent(r.elapsed, 0) })}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('shortfall')}>{f.money(r.shortfallFen)}</Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey={(l) => `${l.companyId}-${l.date}`}
        data-testid="reinvest-lines"
        dataSource={r.lines}
        pagination={r.lines.length > 20 ? { pageSize: 20 } : false}
        columns={[
          { title: t('f.date'), dataIndex: 'date', width: 110 },
          { title: t('f.company'), key: 'c', render: (_: unknown, l) => f.name(l) },
          { title: t('zone'), dataIndex: 'zone', width: 140, render: (z: string) => (z in ZONES ? ZONES[z as Zone][f.locale === 'en' ? 'en' : 'zh'] : z) },
          { title: t('f.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => f.money(v) },
          {
            title: t('why'),
            key: 'reason',
            render: (_: unknown, l) => (
              <Tag color={l.weight > 0 ? 'green' : 'default'}>
                {t(`reason.${l.reason}`)}
                {l.evidenceDate ? ` · ${l.evidenceDate}` : ''}
              </Tag>
            ),
          },
          { title: t('weight'), dataIndex: 'weight', align: 'right', width: 70, render: (w: number) => f.number(w, 1) },
          { title: t('reinvestCounted'), dataIndex: 'countedFen', align: 'right', render: (v: number) => f.money(v) },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('evidenceCount', { n: props.evidence.filter((e) => !e.withdrawn).length })}
      </Typography.Text>
    </>
  );
}
