import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Card, Col, Empty, Row, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AsOfPicker, todayIso } from '../../components/ui/as-of-picker.js';
import { Page } from '../../components/ui/page.js';
import { QueryState } from '../../components/ui/query-state.js';
import { Stat } from '../../components/ui/stat.js';
import { useFormat } from '../../lib/format.js';
import { useTRPC } from '../../lib/trpc.js';

const route = getRouteApi('/portfolio');

export function PortfolioPage() {
  const { t } = useTranslation('group');
  const f = useFormat();
  const trpc = useTRPC();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const asOf = search.asOf ?? todayIso();
  const q = useQuery(trpc.group.portfolio.queryOptions({ asOf }));
  const unit = f.tableUnit();
  const money = (v: number) => <span className="num">{f.moneyCell(v, unit)}</span>;
  const investor = q.data?.investor;
  return (
    <Page
      title={t('portfolioTitle')}
      subtitle={investor ? t('portfolioSub', { investor: f.locale === 'en' ? investor.nameEn : investor.nameZh }) : null}
      extra={<AsOfPicker value={asOf} onChange={(d) => void navigate({ search: { asOf: d } })} />}
    >
      <QueryState query={q}>
        {(d) => {
          const sum = (k: 'committedFen' | 'calledFen' | 'uncalledFen' | 'contributedFen' | 'distributedFen') => d.positions.reduce((a, p) => a + p[k], 0);
          if (!d.positions.length) return <Empty description={t('noPositions')} />;
          return (
            <>
              <Row gutter={[16, 16]}>
                <Col xs={12} xl={5}>
                  <Stat testId="lp-committed" label={t('myCommitted')} value={f.money(sum('committedFen'))} />
                </Col>
                <Col xs={12} xl={5}>
                  <Stat label={t('myCalled')} value={f.money(sum('calledFen'))} progress={sum('committedFen') ? sum('calledFen') / sum('committedFen') : 0} />
                </Col>
                <Col xs={12} xl={4}>
                  <Stat label={t('myUncalled')} value={f.money(sum('uncalledFen'))} />
                </Col>
                <Col xs={12} xl={5}>
                  <Stat testId="lp-contributed" label={t('myContributed')} value={f.money(sum('contributedFen'))} />
                </Col>
                <Col xs={12} xl={5}>
                  <Stat label={t('myDistributed')} value={f.money(sum('distributedFen'))} />
                </Col>
              </Row>
              <Card
                size="small"
                style={{ marginTop: 16 }}
                extra={<Typography.Text type="secondary">{t('common:unit', { unit: f.unitLabel(unit) })}</Typography.Text>}
              >
                <Table
                  size="small"
                  rowKey="fundId"
                  data-testid="positions-table"
                  pagination={false}
                  dataSource={d.positions}
                  columns={[
                    { title: t('code'), dataIndex: 'code', width: 80 },
                    { title: t('name'), key: 'name', render: (_: unknown, r) => (f.locale === 'en' ? r.nameEn : r.nameZh) },
                    { title: t('since'), dataIndex: 'since', render: (v: string) => f.date(v) },
                    { title: t('myCommitted'), dataIndex: 'committedFen', align: 'right', render: money },
                    { title: t('myCalled'), dataIndex: 'calledFen', align: 'right', render: money },
                    { title: t('myUncalled'), dataIndex: 'uncalledFen', align: 'right', render: money },
                    { title: t('myContributed'), dataIndex: 'contributedFen', align: 'right', render: money },
                    { title: t('myDistributed'), dataIndex: 'distributedFen', align: 'right', render: money },
                    { title: t('myFees'), dataIndex: 'feesFen', align: 'right', render: money },
                  ]}
                />
              </Card>
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
