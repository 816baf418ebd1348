import { canEditFunds } from '@highland/shared';
import type { FUND_KINDS } from '@highland/shared';
import { useQuery } from '@tanstack/react-query';
import { PlusOutlined } from '@ant-design/icons';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AsOfPicker, todayIso } from '../../components/ui/as-of-picker.js';
import { Page } from '../../components/ui/page.js';
import { QueryState } from '../../components/ui/query-state.js';
import { useFormat } from '../../lib/format.js';
import { useSession } from '../../lib/session.js';
import { useTRPC } from '../../lib/trpc.js';

const route = getRouteApi('/funds');
const kindColor: Record<keyof typeof FUND_KINDS, string> = { mother: 'red', sub: 'blue', direct_vehicle: 'purple' };

export function FundsPage() {
  const { t } = useTranslation('group');
  const f = useFormat();
  const trpc = useTRPC();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const asOf = search.asOf ?? todayIso();
  const q = useQuery(trpc.group.funds.queryOptions({ asOf }));
  const unit = f.tableUnit();
  const money = (v: number) => <span className="num">{f.moneyCell(v, unit)}</span>;
  const session = useSession();
  const canCreate = session.data ? canEditFunds(session.data) : false;
  return (
    <Page
      title={t('fundsTitle')}
      subtitle={t('fundsSub')}
      extra={
        <Space>
          <AsOfPicker value={asOf} onChange={(d) => void navigate({ search: { asOf: d } })} />
          {canCreate ? (
            <Link to="/funds/new">
              <Button type="primary" icon={<PlusOutlined />}>
                {t('newFund')}
              </Button>
            </Link>
          ) : null}
        </Space>
      }
    >
      <Card size="small" extra={<Typography.Text type="secondary">{t('common:unit', { unit: f.unitLabel(unit) })}</Typography.Text>}>
        <QueryState query={q} isEmpty={(d) => d.length === 0}>
          {(rows) => (
            <Table
              size="small"
              rowKey="id"
              data-testid="funds-table"
              dataSource={rows}
              pagination={rows.length > 50 ? { pageSize: 50 } : false}
              columns={[
                { title: t('code'), dataIndex: 'code', width: 72 },
                {
                  title: t('name'),
                  key: 'name',
                  width: 280,
                  render: (_: unknown, r) => (
                    <>
                      <div>
                        <Link to="/funds/$fundId" params={{ fundId: String(r.id) }} data-testid={`fund-link-${r.code}`}>
                          {f.name(r)}
                        </Link>
                      </div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.managerZh === null ? null : f.name({ nameZh: r.managerZh, nameEn: r.managerEn })}
                      </Typography.Text>
                    </>
                  ),
                },
                { title: t('kind'), dataIndex: 'kind', render: (k: keyof typeof FUND_KINDS) => <Tag color={kindColor[k]}>{t(`kinds.${k}`)}</Tag> },
                { title: t('batch'), dataIndex: 'batch', render: (n: number | null) => (n ? t('batchN', { n }) : '—') },
                { title: t('status'), dataIndex: 'status', render: (s: string) => t(`statuses.${s}`) },
                { title: t('lpCount'), dataIndex: 'lpCount', align: 'right' },
                { title: t('committed'), dataIndex: 'committedFen', align: 'right', sorter: (a, b) => a.committedFen - b.committedFen, render: money },
                { title: t('called'), dataIndex: 'calledFen', align: 'right', render: money },
                { title: t('paid'), dataIndex: 'paidInFen', align: 'right', render: money },
                {
                  title: t('paidRatio'),
                  key: 'ratio',
                  align: 'right',
                  render: (_: unknown, r) => <span className="num">{f.percent(r.committedFen ? r.paidInFen / r.committedFen : null)}</span>,
                },
                { title: t('distributed'), dataIndex: 'distributedFen', align: 'right', render: money },
                {
                  title: t('govShare'),
                  key: 'share',
                  align: 'right',
                  render: (_: unknown, r) =>
                    r.govShare === null ? (
                      '—'
                    ) : (
                      <span className="num" style={{ color: r.govShareCap !== null && r.govShare > r.govShareCap ? '#b91c1c' : undefined }}>
                        {f.percent(r.govShare)}
                      </span>
                    ),
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
    </Page>
  );
}
