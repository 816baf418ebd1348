import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Card, Col, Row, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AsOfPicker, todayIso } from '../../components/ui/as-of-picker.js';
import { Chart, type ChartOption } from '../../components/ui/chart.js';
import { Page } from '../../components/ui/page.js';
import { QueryState } from '../../components/ui/query-state.js';
import { Stat } from '../../components/ui/stat.js';
import { useFormat } from '../../lib/format.js';
import { useTRPC } from '../../lib/trpc.js';

const route = getRouteApi('/overview');
const GROUP_TARGET_FEN = 10_000_000_000_000; // ¥100 bn: the plan's fund-group target

export function OverviewPage() {
  const { t } = useTranslation('group');
  const f = useFormat();
  const trpc = useTRPC();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const asOf = search.asOf ?? todayIso();
  const q = useQuery(trpc.group.overview.queryOptions({ asOf }));
  const mother = q.data?.motherFund;
  const name = mother ? (f.locale === 'en' ? mother.nameEn : mother.nameZh) : '';
  const unit = f.tableUnit(true);

  const chart = useMemo<ChartOption | null>(() => {
    if (!q.data) return null;
    const b = q.data.batches;
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${f.number(v, 2)} ${f.unitLabel(unit)}` },
      legend: { bottom: 0 },
      grid: { left: 56, right: 16, top: 24, bottom: 40 },
      xAxis: { type: 'category', data: b.map((x) => t('batchN', { n: x.batch })) },
      yAxis: { type: 'value', name: f.unitLabel(unit) },
      series: [
        { name: t('motherCommitted'), type: 'bar', data: b.map((x) => f.moneyValue(x.motherCommittedFen, unit)), itemStyle: { color: '#d4380d' } },
        { name: t('committed'), type: 'bar', data: b.map((x) => f.moneyValue(x.committedFen, unit)), itemStyle: { color: '#1d4ed8' } },
        { name: t('paid'), type: 'bar', data: b.map((x) => f.moneyValue(x.paidInFen, unit)), itemStyle: { color: '#0e7490' } },
      ],
    };
  }, [q.data, f, t, unit]);

  return (
    <Page
      title={t('overviewTitle')}
      subtitle={mother ? t('overviewSub', { mother: name }) : null}
      extra={<AsOfPicker value={asOf} onChange={(d) => void navigate({ search: { asOf: d } })} />}
    >
      <QueryState query={q}>
        {(d) => (
          <>
            <Row gutter={[16, 16]}>
              <Col xs={24} md={12} xl={6}>
                <Stat
                  testId="stat-mother"
                  label={t('motherSize')}
                  value={f.money(d.motherFund?.committedFen ?? 0)}
                  note={t('motherNote', {
                    target: f.money(d.motherFund?.phases.find((p) => p.phase === 1)?.targetSizeFen ?? 0),
                    paid: f.money(d.motherFund?.paidInFen ?? 0),
                  })}
                />
              </Col>
              <Col xs={24} md={12} xl={6}>
                <Stat
                  testId="stat-group"
                  label={t('groupSize')}
                  value={f.money(d.groupCommittedFen)}
                  progress={d.groupCommittedFen / GROUP_TARGET_FEN}
                  note={t('groupNote', { target: f.money(GROUP_TARGET_FEN), pct: f.percent(d.groupCommittedFen / GROUP_TARGET_FEN) })}
                />
              </Col>
              <Col xs={24} md={12} xl={6}>
                <Stat
                  testId="stat-paid-in"
                  label={t('paidIn')}
                  value={f.money(d.groupPaidInFen)}
                  progress={d.groupCommittedFen ? d.groupPaidInFen / d.groupCommittedFen : 0}
                  note={t('paidInNote', { pct: f.percent(d.groupCommittedFen ? d.groupPaidInFen / d.groupCommittedFen : null) })}
                />
              </Col>
              <Col xs={24} md={12} xl={6}>
                <Stat testId="stat-sub-funds" label={t('subFunds')} value={f.number(d.subFundCount)} note={t('subFundsNote', { batches: d.batches.length })} />
              </Col>
            </Row>
            <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
              <Col xs={24} xl={14}>
                <Card
                  size="small"
                  title={t('batches')}
                  extra={<Typography.Text type="secondary">{t('common:unit', { unit: f.unitLabel(unit) })}</Typography.Text>}
                >
                  <Table
                    size="small"
                    rowKey="batch"
                    pagination={false}
                    data-testid="batch-table"
                    dataSource={d.batches}
                    columns={[
                      { title: t('batch'), dataIndex: 'batch', render: (n: number) => t('batchN', { n }) },
                      { title: t('count'), dataIndex: 'count', align: 'right' },
                      {
                        title: t('motherCommitted'),
                        dataIndex: 'motherCommittedFen',
                        align: 'right',
                        render: (v: number) => <span className="num">{f.moneyCell(v, unit)}</span>,
                      },
                      {
                        title: t('committed'),
                        dataIndex: 'committedFen',
                        align: 'right',
                        render: (v: number) => <span className="num">{f.moneyCell(v, unit)}</span>,
                      },
                      { title: t('paid'), dataIndex: 'paidInFen', align: 'right', render: (v: number) => <span className="num">{f.moneyCell(v, unit)}</span> },
                      {
                        title: t('leverage'),
                        key: 'lev',
                        align: 'right',
                        render: (_: unknown, r) => (
                          <span className="num">{f.multiple(r.motherCommittedFen ? r.committedFen / r.motherCommittedFen : null)}</span>
                        ),
                      },
                    ]}
                  />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('leverage')}：{t('leverageBasis')}
                  </Typography.Text>
                </Card>
                {d.motherFund ? (
                  <Card size="small" title={t('phases')} style={{ marginTop: 16 }}>
                    {d.motherFund.phases.map((p) => (
                      <Tag key={p.phase} color={p.status === 'closed' ? 'blue' : p.status === 'raising' ? 'gold' : 'default'} style={{ padding: '4px 10px' }}>
                        {f.locale === 'en' ? p.nameEn : p.nameZh} · {f.money(p.targetSizeFen)} · {t(`phaseStatus.${p.status}`)}
                      </Tag>
                    ))}
                  </Card>
                ) : null}
              </Col>
              <Col xs={24} xl={10}>
                <Card size="small" title={t('chartTitle')}>
                  {chart ? <Chart option={chart} height={300} testId="batch-chart" /> : null}
                </Card>
              </Col>
            </Row>
          </>
        )}
      </QueryState>
    </Page>
  );
}
