import { reviewsListedMarks } from '@highland/shared';
import { label, VALUATION_METHODS, type ValuationMethod } from '@highland/shared';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/ui/query-state.js';
import { useFormat } from '../../../lib/format.js';
import { useSession } from '../../../lib/session.js';
import { useTRPC } from '../../../lib/trpc.js';
import { ReviewButtons } from '../forms/review.js';

export function Reviews() {
  const { t, i18n } = useTranslation('performance');
  const f = useFormat();
  const trpc = useTRPC();
  const session = useSession();
  const q = useQuery(trpc.portfolio.pendingValuations.queryOptions());
  const unit = f.tableUnit();
  const canReview = session.data ? reviewsListedMarks(session.data) : false;
  return (
    <Card size="small" title={t('reviewsTitle')} extra={<Typography.Text type="secondary">{t('common:unit', { unit: f.unitLabel(unit) })}</Typography.Text>}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('reviewsNote')}
      </Typography.Paragraph>
      <QueryState query={q}>
        {(rows) => (
          <Table
            size="small"
            rowKey="id"
            data-testid="reviews-table"
            dataSource={rows}
            pagination={{ pageSize: 15, showSizeChanger: false }}
            locale={{ emptyText: t('noReviews') }}
            columns={[
              { title: t('fund'), dataIndex: 'fundCode', width: 80, render: (c: string) => <Tag>{c}</Tag> },
              {
                title: t('company'),
                key: 'c',
                render: (_: unknown, r) => (
                  <Link to="/performance/position" search={{ fundId: r.fundId, companyId: r.companyId }}>
                    {f.name({ nameZh: r.companyZh, nameEn: r.companyEn })}
                  </Link>
                ),
              },
              { title: t('date'), dataIndex: 'date', width: 100 },
              { title: t('mark'), dataIndex: 'method', width: 120, render: (m: ValuationMethod) => label(VALUATION_METHODS[m], i18n.language) },
              { title: t('value'), dataIndex: 'valueFen', align: 'right', render: (v: number) => <span className="num">{f.moneyCell(v, unit)}</span> },
              {
                title: t('previous'),
                dataIndex: 'previousFen',
                align: 'right',
                render: (v: number | null) => <span className="num">{v === null ? '—' : f.moneyCell(v, unit)}</span>,
              },
              {
                title: t('change'),
                key: 'chg',
                align: 'right',
                render: (_: unknown, r) => <span className="num">{r.previousFen ? f.percent(r.valueFen / r.previousFen - 1) : '—'}</span>,
              },
              { title: t('enteredBy'), dataIndex: 'createdByName', width: 120, render: (n: string | null) => n ?? '—' },
              ...(canReview
                ? [
                    {
                      title: '',
                      key: 'act',
                      width: 150,
                      render: (_: unknown, r: (typeof rows)[number]) => (r.createdBy === session.data?.userId ? null : <ReviewButtons id={r.id} />),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
