import { label, VALUATION_METHODS } from '@highland/shared';
import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format.js';
import { useSession } from '../../../lib/session.js';
import { ReviewButtons } from '../forms/review.js';
import type { Position } from './types.js';

const statusColor = { pending: 'gold', approved: 'green', rejected: 'red' } as const;

export function Marks({ data: d }: { data: Position }) {
  const { t, i18n } = useTranslation('position');
  const f = useFormat();
  const session = useSession();
  const unit = f.tableUnit();
  return (
    <Card
      size="small"
      title={t('marksTitle')}
      extra={<Typography.Text type="secondary">{t('common:unit', { unit: f.unitLabel(unit) })}</Typography.Text>}
      style={{ marginTop: 16 }}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('marksNote')}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="id"
        data-testid="marks-table"
        dataSource={d.valuations}
        pagination={{ pageSize: 8, showSizeChanger: false }}
        columns={[
          { title: t('date'), dataIndex: 'date', width: 100 },
          { title: t('value'), dataIndex: 'valueFen', align: 'right', width: 110, render: (v: number) => <span className="num">{f.moneyCell(v, unit)}</span> },
          { title: t('method'), dataIndex: 'method', width: 120, render: (m: keyof typeof VALUATION_METHODS) => label(VALUATION_METHODS[m], i18n.language) },
          { title: t('basis'), dataIndex: 'basis', width: 320, render: (b: string) => <span style={{ fontSize: 12 }}>{b}</span> },
          {
            title: t('status'),
            dataIndex: 'status',
            width: 90,
            render: (st: keyof typeof statusColor) => (
              <Tag color={statusColor[st]} data-testid={`mark-status-${st}`}>
                {t(`statuses.${st}`)}
              </Tag>
            ),
          },
          { title: t('enteredBy'), dataIndex: 'createdByName', width: 110, render: (n: string | null) => n ?? '—' },
          { title: t('reviewedBy'), dataIndex: 'reviewedByName', width: 150, render: (n: string | null, r) => (r.status === 'pending' ? '—' : (n ?? '—')) },
          { title: t('note'), dataIndex: 'reviewNote', width: 160, render: (n: string | null) => <span style={{ fontSize: 12 }}>{n ?? ''}</span> },
          ...(d.can.review
            ? [
                {
                  title: '',
                  key: 'act',
                  width: 150,
                  render: (_: unknown, r: Position['valuations'][number]) =>
                    r.status === 'pending' && r.createdBy !== session.data?.userId ? <ReviewButtons id={r.id} /> : null,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
