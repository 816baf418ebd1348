import { canEditFunds } from '@highland/shared';
import { PlusOutlined } from '@ant-design/icons';
import type { BatchRow } from '@highland/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Button, Card, Col, Row, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AsOfPicker, todayIso } from '../../components/ui/as-of-picker.js';
import { Page } from '../../components/ui/page.js';
import { QueryState } from '../../components/ui/query-state.js';
import { Stat } from '../../components/ui/stat.js';
import { useFormat } from '../../lib/format.js';
import { useSession } from '../../lib/session.js';
import { useTRPC } from '../../lib/trpc.js';
import { ComplianceCard } from './compliance-card.js';
import { ExportButton } from './export-button.js';
import { LeverageCard } from './leverage-card.js';
import { SubFundTable } from './sub-fund-table.js';
import { WaterfallChart } from './waterfall-chart.js';

const route = getRouteApi('/overview');

/** The government overview: is public money leveraged as promised, under the rules — as of any date. */
export function OverviewPage() {
  const { t } = useTranslation('group');
  const f = useFormat();
  const trpc = useTRPC();
  const session = useSession();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const asOf = search.asOf ?? todayIso();
  const includeDirect = search.direct !== 'out';
  const q = useQuery({ ...trpc.group.overview.queryOptions({ asOf, includeDirect }), placeholderData: keepPreviousData });
  const mother = q.data?.mother;
  const canCreate = session.data ? canEditFunds(session.data) : false;
  const big = f.tableUnit(true);
  return (
    <Page
      title={t('overviewTitle')}
      subtitle={mother ? t('overviewSub2', { mother: f.name(mother), asOf }) : null}
      extra={
        <Space wrap>
          <AsOfPicker value={asOf} onChange={(d) => void navigate({ search: (s) => ({ ...s, asOf: d }) })} />
          <Tooltip title={t('directHint')}>
            <Segmented
              data-testid="direct-setting"
              value={includeDirect ? 'in' : 'out'}
              onChange={(v) => void navigate({ search: (s) => ({ ...s, direct: v === 'out' ? 'out' : undefined }) })}
              options={[
                { label: t('common:fieldIssue', { field: t('direct'), issue: t('directIn') }), value: 'in' },
                { label: t('directOut'), value: 'out' },
              ]}
            />
          </Tooltip>
          <ExportButton asOf={asOf} includeDirect={includeDirect} />
          {canCreate ? (
            <Link to="/funds/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="fund-new">
                {t('newFund')}
              </Button>
            </Link>
          ) : null}
        </Space>
      }
    >
      <QueryState query={q}>
        {(d) => {
          const flaggedFunds = new Set(d.compliance.map((x) => x.fundId)).size;
          return (
            <div data-testid="overview" data-as-of={d.asOf} style={{ opacity: q.isPlaceholderData ? 0.6 : 1, transition: 'opacity .2s' }}>
              <Row gutter={[12, 12]}>
                <Col xs={24} md={12} xl={4}>
                  <Stat
                    testId="stat-mother"
                    label={t('motherSize')}
                    value={f.money(d.mother?.committedFen ?? 0)}
                    progress={d.mother?.targetFen ? (d.mother.committedFen ?? 0) / d.mother.targetFen : undefined}
                    note={t('motherNote', { target: f.money(d.mother?.targetFen ?? 0), paid: f.money(d.mother?.paidInFen ?? 0) })}
                  />
                </Col>
                <Col xs={24} md={12} xl={5}>
                  <Stat
                    testId="stat-group"
                    label={t('groupSizeC')}
                    value={f.money(d.leverage.groupSize.committed)}
                    progress={d.progress.committed ?? undefined}
                    note={t('groupProgress', { target: f.money(d.groupTargetFen ?? 0), pct: f.percent(d.progress.committed) })}
                  />
                </Col>
                <Col xs={24} md={12} xl={5}>
                  <Stat
                    testId="stat-paid-in"
                    label={t('groupSizeP')}
                    value={f.money(d.leverage.groupSize.paid_in)}
                    progress={d.leverage.groupSize.committed ? d.leverage.groupSize.paid_in / d.leverage.groupSize.committed : 0}
                    note={t('paidInNote', {
                      pct: f.percent(d.leverage.groupSize.committed ? d.leverage.groupSize.paid_in / d.leverage.groupSize.committed : null),
                    })}
                  />
                </Col>
                <Col xs={24} md={12} xl={4}>
                  <Stat
                    testId="stat-leverage"
                    label={t('leverageTotal')}
                    value={f.multiple(d.leverage.total.committed.ratio)}
                    note={t('leverageNote', { paid: f.multiple(d.leverage.total.paid_in.ratio) })}
                  />
                </Col>
                <Col xs={12} md={6} xl={3}>
                  <Stat
                    testId="stat-sub-funds"
                    label={t('subFunds')}
                    value={f.number(d.counts.subFunds)}
                    note={t('subFundsSetUp', { setUp: d.counts.setUp, decided: d.counts.subFunds })}
                  />
                </Col>
                <Col xs={12} md={6} xl={3}>
                  <Stat
                    testId="stat-flags"
                    label={t('flagged')}
                    value={f.number(d.compliance.length)}
                    note={t('flaggedNote', { funds: flaggedFunds, count: d.compliance.length })}
                  />
                </Col>
              </Row>
              <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
                <Col xs={24} xl={10}>
                  <LeverageCard leverage={d.leverage} includeDirect={d.includeDirect} />
                </Col>
                <Col xs={24} xl={14}>
                  <WaterfallChart steps={d.waterfall} targetFen={d.groupTargetFen} />
                </Col>
              </Row>
              <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
                <Col xs={24} xl={12}>
                  <BatchCard batches={d.batches} />
                </Col>
                <Col xs={24} xl={12}>
                  <ComplianceCard flags={d.compliance} funds={d.funds} />
                </Col>
              </Row>
              <div style={{ marginTop: 12 }}>
                <SubFundTable rows={d.funds} flags={d.compliance} />
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>
                {t('common:unit', { unit: f.unitLabel(big) })} · {t('lev.subFund')}
              </Typography.Text>
            </div>
          );
        }}
      </QueryState>
    </Page>
  );
}

/** Each batch: its sub-funds' size against their targets, the mother fund's money in them, leverage on both bases. */
function BatchCard(props: { batches: BatchRow[] }) {
  const { t } = useTranslation('group');
  const f = useFormat();
  const unit = f.tableUnit(true);
  const money = (v: number) => <span className="num">{f.moneyCell(v, unit)}</span>;
  return (
    <Card size="small" title={t('batches')} extra={<Typography.Text type="secondary">{t('common:unit', { unit: f.unitLabel(unit) })}</Typography.Text>}>
      <Table<BatchRow>
        size="small"
        rowKey="batch"
        pagination={false}
        data-testid="batch-table"
        dataSource={props.batches}
        columns={[
          { title: t('batch'), dataIndex: 'batch', render: (n: number) => t('batchN', { n }) },
          { title: t('count'), dataIndex: 'count', align: 'right' },
          { title: t('committed'), dataIndex: 'committedFen', align: 'right', render: money },
          {
            title: t('batchVsTarget'),
            key: 'target',
            align: 'right',
            render: (_: unknown, r) =>
              r.targetFen ? (
                <Tooltip title={`${t('batchTarget')} ${f.money(r.targetFen)}`}>
                  <Tag color={r.committedFen > r.targetFen ? 'volcano' : 'default'} data-testid={`batch-${r.batch}-target`} style={{ marginInlineEnd: 0 }}>
                    {r.committedFen > r.targetFen ? t('overTarget') : t('underTarget')} {f.percent(r.committedFen / r.targetFen - 1, 1)}
                  </Tag>
                </Tooltip>
              ) : (
                '—'
              ),
          },
          { title: t('motherCommitted'), dataIndex: 'motherCommittedFen', align: 'right', render: money },
          {
            title: t('levBoth'),
            key: 'lev',
            align: 'right',
            render: (_: unknown, r) => (
              <>
                <span className="num">{f.multiple(r.leverage.committed.ratio)}</span>
                <Typography.Text type="secondary" className="num" style={{ fontSize: 11, display: 'block' }}>
                  {t('paidShort')} {f.multiple(r.leverage.paid_in.ratio)}
                </Typography.Text>
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
