import { PrinterOutlined } from '@ant-design/icons';
import { endedQuarters, label, minDate, SECTORS, type Sector, ZONES, type Zone } from '@highland/shared';
import { useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Button, Card, Col, Empty, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsOfPicker, todayIso } from '../../components/ui/as-of-picker.js';
import { Chart, type ChartOption } from '../../components/ui/chart.js';
import { DownloadButton } from '../../components/ui/download-button.js';
import { Page } from '../../components/ui/page.js';
import { QueryState } from '../../components/ui/query-state.js';
import { PmeNote } from '../../components/ui/pme-note.js';
import { Stat } from '../../components/ui/stat.js';
import { useFormat } from '../../lib/format.js';
import { type AppRouter, useTRPC, useTRPCClient } from '../../lib/trpc.js';

const route = getRouteApi('/portfolio');
const kindColor: Record<string, string> = { call: 'default', contribution: 'blue', distribution: 'green', fee: 'orange' };

/** The LP portal: only the signed-in LP's own figures, holdings and statements. */
export function PortalPage() {
  const { t } = useTranslation('lp');
  const f = useFormat();
  const trpc = useTRPC();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const asOf = search.asOf ?? todayIso();
  const q = useQuery(trpc.lp.portal.queryOptions({ asOf }));
  const investor = q.data?.investor;
  return (
    <Page
      title={t('title')}
      subtitle={investor ? t('subtitle', { investor: f.name(investor) }) : null}
      extra={<AsOfPicker value={asOf} onChange={(d) => void navigate({ search: { asOf: d } })} />}
    >
      <QueryState query={q} isEmpty={(d) => d.positions.length === 0} empty={<Empty description={t('empty')} />}>
        {(d) => <Portal data={d} />}
      </QueryState>
    </Page>
  );
}

type PortalData = inferRouterOutputs<AppRouter>['lp']['portal'];

function Portal({ data: d }: { data: PortalData }) {
  const { t } = useTranslation('lp');
  const f = useFormat();
  const unit = f.tableUnit();
  const large = f.tableUnit(true);
  const money = (v: number) => <span className="num">{f.moneyCell(v, unit)}</span>;
  const unitNote = <Typography.Text type="secondary">{t('common:unit', { unit: f.unitLabel(unit) })}</Typography.Text>;
  const totals = d.totals;
  if (!totals) return null;
  return (
    <>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={8} xl={4}>
          <Stat testId="lp-committed" label={t('committed')} value={f.money(totals.committedFen)} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Stat label={t('called')} value={f.money(totals.calledFen)} progress={totals.committedFen ? totals.calledFen / totals.committedFen : 0} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Stat label={t('uncalled')} value={f.money(totals.uncalledFen)} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Stat testId="lp-contributed" label={t('contributed')} value={f.money(totals.paidInFen)} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Stat testId="lp-distributed" label={t('distributed')} value={f.money(totals.distributedFen)} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Stat testId="lp-nav" label={t('nav')} value={f.money(totals.navFen)} note={t('navNote')} />
        </Col>
        <Col xs={12} md={6}>
          <Stat
            testId="lp-irr"
            label={t('netIrr')}
            value={f.percent(totals.irr)}
            note={
              <>
                {t('irrNote')}
                <br />
                <PmeNote pme={d.pme} />
              </>
            }
          />
        </Col>
        <Col xs={12} md={6}>
          <Stat testId="lp-tvpi" label={t('tvpi')} value={f.multiple(totals.tvpi)} note={t('tvpiNote')} />
        </Col>
        <Col xs={12} md={6}>
          <Stat label={t('dpi')} value={f.multiple(totals.dpi)} note={t('dpiNote')} />
        </Col>
        <Col xs={12} md={6}>
          <Stat label={t('rvpi')} value={f.multiple(totals.rvpi)} note={t('rvpiNote')} />
        </Col>
      </Row>

      <Card size="small" title={t('positions')} extra={unitNote} style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey="fundId"
          data-testid="positions-table"
          pagination={false}
          dataSource={d.positions}
          scroll={{ x: 1100 }}
          columns={[
            { title: t('code'), dataIndex: 'code', width: 72 },
            { title: t('fund'), key: 'name', width: 260, render: (_: unknown, r) => f.name(r) },
            { title: t('since'), dataIndex: 'since', width: 100 },
            { title: t('committed'), dataIndex: 'committedFen', align: 'right', render: money },
            { title: t('called'), dataIndex: 'calledFen', align: 'right', render: money },
            { title: t('uncalled'), dataIndex: 'uncalledFen', align: 'right', render: money },
            { title: t('contributed'), dataIndex: 'paidInFen', align: 'right', render: money },
            { title: t('distributed'), dataIndex: 'distributedFen', align: 'right', render: money },
            { title: t('nav'), dataIndex: 'navFen', align: 'right', render: money },
            { title: t('dpi'), dataIndex: 'dpi', align: 'right', render: (v: number | null) => <span className="num">{f.multiple(v)}</span> },
            { title: t('tvpi'), dataIndex: 'tvpi', align: 'right', render: (v: number | null) => <span className="num">{f.multiple(v)}</span> },
            { title: t('netIrr'), dataIndex: 'irr', align: 'right', render: (v: number | null) => <span className="num">{f.percent(v)}</span> },
          ]}
        />
      </Card>

      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={14}>
          <Card
            size="small"
            title={t('historyTitle')}
            extra={<Typography.Text type="secondary">{t('common:unit', { unit: f.unitLabel(large) })}</Typography.Text>}
          >
            <HistoryChart history={d.history} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <StatementCard since={d.positions.reduce((a, p) => minDate(a, p.since), d.asOf)} />
        </Col>
      </Row>

      {d.lookThrough ? (
        <Card
          size="small"
          title={t('lookThrough')}
          style={{ marginTop: 16 }}
          extra={
            <Typography.Text type="secondary">{t('lookThroughNote', { n: d.lookThrough.companies, value: f.money(d.lookThrough.valueFen) })}</Typography.Text>
          }
          data-testid="lp-look-through"
        >
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={8}>
              <Typography.Text strong>{t('bySector')}</Typography.Text>
              <Chart
                height={260}
                testId="lp-sector-chart"
                option={{
                  tooltip: { trigger: 'item', valueFormatter: (v: number) => `${f.number(v, 2)} ${f.unitLabel(large)}` },
                  series: [
                    {
                      type: 'pie',
                      radius: ['35%', '65%'],
                      data: d.lookThrough.bySector.map((s) => ({
                        name: label(SECTORS[s.key as Sector] ?? { zh: s.key, en: s.key }, f.locale),
                        value: f.moneyValue(s.valueFen, large),
                      })),
                      label: { fontSize: 11 },
                    },
                  ],
                }}
              />
            </Col>
            <Col xs={24} lg={8}>
              <Typography.Text strong>{t('byZone')}</Typography.Text>
              <Chart
                height={260}
                testId="lp-zone-chart"
                option={{
                  tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${f.number(v, 2)} ${f.unitLabel(large)}` },
                  grid: { left: 110, right: 24, top: 8, bottom: 24 },
                  xAxis: { type: 'value', name: f.unitLabel(large), axisLabel: { hideOverlap: true } },
                  yAxis: {
                    type: 'category',
                    inverse: true,
                    data: d.lookThrough.byZone.map((z) => label(ZONES[z.key as Zone] ?? { zh: z.key, en: z.key }, f.locale)),
                  },
                  series: [{ type: 'bar', data: d.lookThrough.byZone.map((z) => f.moneyValue(z.valueFen, large)), itemStyle: { color: '#0e7490' } }],
                }}
              />
            </Col>
            <Col xs={24} lg={8}>
              <Typography.Text strong>{t('topHoldings')}</Typography.Text>
              <Table
                size="small"
                rowKey="companyId"
                pagination={false}
                scroll={{ y: 240 }}
                dataSource={d.lookThrough.top}
                columns={[
                  { title: t('company'), key: 'n', render: (_: unknown, r) => f.name(r) },
                  { title: t('sector'), dataIndex: 'sector', width: 90, render: (s: string) => label(SECTORS[s as Sector] ?? { zh: s, en: s }, f.locale) },
                  { title: t('value'), dataIndex: 'valueFen', align: 'right', width: 100, render: money },
                ]}
              />
            </Col>
          </Row>
        </Card>
      ) : null}

      <Card size="small" title={t('cashFlows')} extra={unitNote} style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey="id"
          data-testid="lp-cash-flows"
          dataSource={[...d.cashFlows].reverse()}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          columns={[
            { title: t('date'), dataIndex: 'date', width: 110 },
            { title: t('fund'), dataIndex: 'fundId', width: 90, render: (id: number) => d.positions.find((p) => p.fundId === id)?.code ?? '' },
            { title: t('kind'), dataIndex: 'kind', width: 120, render: (k: string) => <Tag color={kindColor[k]}>{t(`kinds.${k}`)}</Tag> },
            { title: t('callNo'), dataIndex: 'callNo', width: 90, render: (n: number | null) => (n ? t('callN', { n }) : '') },
            { title: t('amount'), dataIndex: 'amountFen', align: 'right', render: money },
          ]}
        />
      </Card>
    </>
  );
}

function HistoryChart(props: { history: PortalData['history'] }) {
  const { t } = useTranslation('lp');
  const f = useFormat();
  const unit = f.tableUnit(true);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${f.number(v, 2)} ${f.unitLabel(unit)}` },
      legend: { bottom: 0 },
      grid: { left: 64, right: 16, top: 16, bottom: 48 },
      xAxis: { type: 'category', data: props.history.map((h) => h.date) },
      yAxis: { type: 'value' },
      series: [
        { name: t('jcurve'), type: 'bar', data: props.history.map((h) => f.moneyValue(h.netCashFlowFen, unit)), itemStyle: { color: '#94a3b8' } },
        { name: t('nav'), type: 'line', data: props.history.map((h) => f.moneyValue(h.navFen, unit)), itemStyle: { color: '#1d4ed8' } },
        { name: t('paidIn'), type: 'line', step: 'end', data: props.history.map((h) => f.moneyValue(h.paidInFen, unit)), itemStyle: { color: '#d4380d' } },
        {
          name: t('distributed'),
          type: 'line',
          step: 'end',
          data: props.history.map((h) => f.moneyValue(h.distributedFen, unit)),
          itemStyle: { color: '#15803d' },
        },
      ],
    }),
    [props.history, f, t, unit],
  );
  return <Chart option={option} height={320} testId="lp-history-chart" />;
}

function StatementCard(props: { since: string }) {
  const { t } = useTranslation('lp');
  const client = useTRPCClient();
  const trpc = useTRPC();
  const f = useFormat();
  const quarters = endedQuarters(props.since, todayIso());
  const [quarter, setQuarter] = useState<string | undefined>(quarters[0]);
  const preview = useQuery({ ...trpc.lp.statement.queryOptions({ quarter: quarter ?? '' }), enabled: Boolean(quarter) });
  const qtd = preview.data?.total.qtd;
  const unit = f.tableUnit();
  return (
    <Card size="small" title={t('statement')} data-testid="statement-card" style={{ height: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('statementNote')}
      </Typography.Paragraph>
      {quarter ? (
        <Space wrap>
          <Select
            data-testid="statement-quarter"
            style={{ width: 140 }}
            value={quarter}
            onChange={setQuarter}
            options={quarters.map((q) => ({ value: q, label: q }))}
            aria-label={t('quarter')}
          />
          <Link to="/portfolio/statement" search={{ quarter }}>
            <Button icon={<PrinterOutlined />} data-testid="statement-view">
              {t('view')}
            </Button>
          </Link>
          <DownloadButton type="primary" testId="statement-download" label={t('download')} fetch={() => client.lp.statementXlsx.query({ quarter })} />
          {preview.data?.funds.some((x) => x.issued?.differences.length) ? (
            <Tag color="warning" data-testid="statement-restated">
              {t('issue.restatedTag')}
            </Tag>
          ) : null}
        </Space>
      ) : null}
      {quarter && qtd ? (
        <Table
          size="small"
          style={{ marginTop: 12 }}
          rowKey="key"
          pagination={false}
          data-testid="statement-preview"
          dataSource={[
            { key: 'beginning', value: qtd.beginningFen },
            { key: 'contributions', value: qtd.contributionsFen },
            { key: 'distributions', value: 0 - qtd.distributionsFen },
            { key: 'feesExpenses', value: 0 - qtd.feesFen },
            { key: 'gainLoss', value: qtd.gainLossFen },
            { key: 'ending', value: qtd.endingFen },
          ]}
          columns={[
            { title: t('line'), dataIndex: 'key', render: (k: string) => (k === 'beginning' || k === 'ending' ? <strong>{t(k)}</strong> : t(k)) },
            {
              title: t('common:withUnit', { label: t('qtd'), unit: f.unitLabel(unit) }),
              dataIndex: 'value',
              align: 'right',
              render: (v: number) => <span className="num">{f.moneyCell(v, unit)}</span>,
            },
          ]}
        />
      ) : null}
      {quarters.length ? null : <Empty description={t('noQuarter')} />}
    </Card>
  );
}
