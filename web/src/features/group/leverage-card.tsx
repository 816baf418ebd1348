import type { GroupLeverage, LeverageFigure } from '@highland/shared';
import { Card, Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.js';

type Key = 'total' | 'socialCapital' | 'fiscal';
const ROWS: Array<{ key: Key; label: string; basis: string }> = [
  { key: 'total', label: 'lev.total', basis: 'lev.totalBasis' },
  { key: 'socialCapital', label: 'lev.social', basis: 'lev.socialBasis' },
  { key: 'fiscal', label: 'lev.fiscal', basis: 'lev.fiscalBasis' },
];

/** The group's leverage family on both bases, each with what it is computed from. */
export function LeverageCard(props: { leverage: GroupLeverage; includeDirect: boolean }) {
  const { t } = useTranslation('group');
  const f = useFormat();
  const l = props.leverage;
  const cell = (x: LeverageFigure, testId: string) => (
    <Tooltip title={t('levTooltip', { n: f.money(x.numeratorFen), d: f.money(x.denominatorFen) })}>
      <span className="num" style={{ fontSize: 16, fontWeight: 600 }} data-testid={testId}>
        {f.multiple(x.ratio)}
      </span>
    </Tooltip>
  );
  return (
    <Card size="small" title={t('levFamily')} data-testid="leverage-card">
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={ROWS}
        columns={[
          {
            title: t('levFigure'),
            key: 'label',
            render: (_: unknown, r) => (
              <>
                <div style={{ fontWeight: 500 }}>{t(r.label)}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(r.basis)}
                </Typography.Text>
              </>
            ),
          },
          { title: t('levCommitted'), key: 'c', align: 'right', width: 110, render: (_: unknown, r) => cell(l[r.key].committed, `lev-${r.key}-committed`) },
          { title: t('levPaid'), key: 'p', align: 'right', width: 110, render: (_: unknown, r) => cell(l[r.key].paid_in, `lev-${r.key}-paid`) },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        {t('levFoot', {
          subFund: t('lev.subFund'),
          batch: t('lev.batch'),
          fof: t('levFootFof', { amount: f.money(l.excludedGroupFundFen.committed) }),
          direct: t('levFootDirect', { state: props.includeDirect ? t('directIn') : t('directOut'), amount: f.money(l.directFen.committed) }),
        })}
      </Typography.Paragraph>
    </Card>
  );
}
