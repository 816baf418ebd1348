import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert, Card, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/ui/page.js';
import { QueryState } from '../../components/ui/query-state.js';
import { useFormat } from '../../lib/format.js';
import { useTRPC } from '../../lib/trpc.js';
import { StageTag, useLabels } from './use-pipeline.js';

/** Companies pursued by several sub-funds at once: for the mother fund's managers and government. */
export function OverlapPage() {
  const { t } = useTranslation('pipeline');
  const f = useFormat();
  const l = useLabels();
  const trpc = useTRPC();
  const q = useQuery(trpc.pipeline.overlap.queryOptions());
  return (
    <Page title={t('overlapTitle')} subtitle={t('overlapSub')}>
      <QueryState query={q} isEmpty={(d) => d.total === 0}>
        {(d) => (
          <>
            <Alert type="info" showIcon title={t('overlapCount', { n: f.number(d.total) })} description={t('overlapWhy')} style={{ marginBottom: 16 }} />
            <Card size="small">
              <Table
                size="small"
                rowKey="companyId"
                data-testid="overlap-table"
                dataSource={d.items}
                pagination={{ pageSize: 30, showSizeChanger: false }}
                columns={[
                  {
                    title: t('company'),
                    key: 'company',
                    render: (_: unknown, c) => (
                      <>
                        <Link to="/companies/$companyId" params={{ companyId: String(c.companyId) }}>
                          {l.name(c.nameZh, c.nameEn)}
                        </Link>
                        <div>
                          <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
                            {c.uscc}
                          </Typography.Text>
                        </div>
                      </>
                    ),
                  },
                  { title: t('sector'), dataIndex: 'sector', width: 120, render: (s: string) => l.sector(s) },
                  { title: t('zone'), dataIndex: 'zone', width: 130, render: (s: string) => l.zone(s) },
                  { title: t('fundsPursuing'), dataIndex: 'funds', width: 90, align: 'right', render: (n: number) => <span className="num">{n}</span> },
                  {
                    title: t('whereItStands'),
                    key: 'deals',
                    render: (_: unknown, c) => (
                      <Space wrap size={[6, 4]}>
                        {c.deals.map((x) => (
                          <Link key={x.dealId} to="/pipeline/deals/$dealId" params={{ dealId: String(x.dealId) }}>
                            <span className="hl-overlap-chip">
                              {x.fundCode} <StageTag stage={x.stage} />
                              {x.amountFen ? <span className="num"> {f.money(x.amountFen)}</span> : null}
                            </span>
                          </Link>
                        ))}
                      </Space>
                    ),
                  },
                ]}
              />
            </Card>
          </>
        )}
      </QueryState>
    </Page>
  );
}
