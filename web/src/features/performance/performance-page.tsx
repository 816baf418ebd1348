import { PlusOutlined } from '@ant-design/icons';
import { label, SECTORS, type Sector, VALUATION_METHODS, type ValuationMethod, ZONES, type Zone } from '@highland/shared';
import { useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Button, Card, Col, Empty, Input, Row, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsOfPicker, todayIso } from '../../components/ui/as-of-picker.js';
import { Chart, type ChartOption } from '../../components/ui/chart.js';
import { Page } from '../../components/ui/page.js';
import { QueryState } from '../../components/ui/query-state.js';
import { PmeNote } from '../../components/ui/pme-note.js';
import { Stat } from '../../components/ui/stat.js';
import { useFormat } from '../../lib/format.js';
import { useSession } from '../../lib/session.js';
import { type AppRouter, useTRPC } from '../../lib/trpc.js';
import { PerformanceExportButton } from './export-button.js';
import { InvestmentModal } from './forms/investment-modal.js';
import { NavStatementModal } from './forms/nav-modal.js';
import { ReviewButtons } from './forms/review.js';

const route = getRouteApi('/performance');
type Outputs = inferRouterOutputs<AppRouter>;
type Performance = Outputs['performance']['fund'];
const kindColor: Record<string, string> = { mother: 'red', sub: 'blue', direct_vehicle: 'purple' };

/** A fund's performance as of a date: net and gross figures, history, holdings, fund interests, look-through, mark reviews. */
export function PerformancePage() {
  const { t } = useTranslation('performance');
  const f = useFormat();
  const trpc = useTRPC();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const asOf = search.asOf ?? todayIso();
  const funds = useQuery(trpc.performance.funds.queryOptions());
  const fundId = search.fundId ?? funds.data?.find((x) => x.kind === 'mother')?.id ?? funds.data?.[0]?.id;
  const q = useQuery({ ...trpc.performance.fund.queryOptions({ fundId: fundId ?? 0, asOf }), enabled: fundId !== undefined });
  const info = q.data?.fund;
  const set = (next: Partial<{ fundId: number; asOf: string; tab: string }>) => void navigate({ search: (s) => ({ ...s, ...next }) });
  return (
    <Page
      title={t('title')}
      subtitle={
        info
          ? t('subtitle', { fund: f.locale === 'en' ? info.nameEn : info.nameZh, manager: (f.locale === 'en' ? info.managerEn : info.managerZh) ?? '' })
          : null
      }
      extra={
        <Space wrap>
          <Select
            data-testid="fund-picker"
            style={{ width: 320 }}
            showSearch={{ optionFilterProp: 'search' }}
            placeholder={t('pickFund')}
            value={fundId}
            onChange={(id: number) => set({ fundId: id, tab: undefined })}
            options={(funds.data ?? []).map((x) => ({
              value: x.id,
              search: `${x.code} ${x.nameZh} ${x.nameEn}`,
              label: (
                <span>
                  <Tag color={kindColor[x.kind]} style={{ marginRight: 6 }}>
                    {x.code}
                  </Tag>
                  {f.locale === 'en' ? x.nameEn : x.nameZh}
                </span>
              ),
            }))}
          />
          <AsOfPicker value={asOf} onChange={(d) => set({ asOf: d })} />
          <PerformanceExportButton fundId={fundId} asOf={asOf} />
        </Space>
      }
    >
      <QueryState query={q}>{(d) => <FundView data={d} tab={search.tab ?? 'overview'} onTab={(tab) => set({ tab })} />}</QueryState>
    </Page>
  );
}

function FundView(props: { data: Performance; tab: string; onTab: (tab: string) => void }) {
  const { t } = useTranslation('performance');
  const f = useFormat();
  const session = useSession();
  const d = props.data;
  const s = d.summary;
  const writable = session.data?.role === 'manager' && session.data.managedFundIds.includes(d.fund.id);
  const tabs = [
    { key: 'overview', label: t('tabs.overview'), children: <Overview data={d} writable={writable} /> },
    ...(d.holdings.length || d.fund.kind !== 'mother'
      ? [{ key: 'holdings', label: `${t('tabs.holdings')} (${d.holdings.length})`, children: <Holdings data={d} writable={writable} /> }]
      : []),
    ...(d.interests.length ? [{ key: 'funds', label: `${t('tabs.funds')} (${d.interests.length})`, children: <Interests data={d} /> }] : []),
    { key: 'lookThrough', label: t('tabs.lookThrough'), children: <LookThrough fundId={d.fund.id} asOf={d.asOf} /> },
    { key: 'reviews', label: `${t('tabs.reviews')}${d.pendingValuations ? ` (${d.pendingValuations})` : ''}`, children: <Reviews /> },
  ];
  return (
    <>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('net')}
      </Typography.Text>
      <Row gutter={[12, 12]} style={{ marginTop: 4 }}>
        <Col xs={12} md={8} xl={4}>
          <Stat testId="perf-committed" label={t('committed')} value={f.money(s.committedFen)} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Stat testId="perf-paid-in" label={t('paidIn')} value={f.money(s.paidInFen)} progress={s.committedFen ? s.paidInFen / s.committedFen : 0} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Stat label={t('distributed')} value={f.money(s.distributedFen)} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Stat testId="perf-nav" label={t('nav')} value={f.money(s.navFen)} note={t('navNote', { cash: f.money(s.cashFen) })} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Stat
            testId="perf-irr"
            label={t('netIrr')}
            value={s.irr === null && s.paidInFen > 0 ? t('irrNone') : f.percent(s.irr)}
            note={<PmeNote pme={d.pme} />}
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Stat
            testId="perf-tvpi"
            label={t('tvpi')}
            value={f.multiple(s.tvpi)}
            note={`${t('dpi')} ${f.multiple(s.dpi)} · ${t('rvpi')} ${f.multiple(s.rvpi)}`}
          />
        </Col>
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 12 }}>
        {t('gross')}
      </Typography.Text>
      <Row gutter={[12, 12]} style={{ marginTop: 4 }}>
        <Col xs={12} md={6} xl={4}>
          <Stat label={t('invested')} value={f.money(s.gross.investedFen)} />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Stat label={t('realised')} value={f.money(s.gross.realisedFen)} />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Stat label={t('unrealised')} value={f.money(s.gross.unrealisedFen)} />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Stat label={t('grossMoic')} value={f.multiple(s.gross.moic)} />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Stat label={t('grossIrr')} value={f.percent(s.gross.irr)} />
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Stat label={t('cash')} value={f.money(s.cashFen)} />
        </Col>
      </Row>
      <Tabs
        style={{ marginTop: 12 }}
        activeKey={tabs.some((x) => x.key === props.tab) ? props.tab : 'overview'}
        onChange={props.onTab}
        items={tabs}
        destroyOnHidden
      />
    </>
  );
}

function Overview(props: { data: Performance; writable: boolean }) {
  const { t } = useTranslation('performance');
  const f = useFormat();
  const [navOpen, setNavOpen] = useState(false);
  const h = props.data.history;
  const unit = f.tableUnit(true);
  const jcurve = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 56, right: 56, top: 28, bottom: 44 },
      xAxis: { type: 'category', data: h.map((x) => x.date) },
      yAxis: [
        { type: 'value', name: f.unitLabel(unit) },
        { type: 'value', name: 'IRR', axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` }, splitLine: { show: false } },
      ],
      series: [
        {
          name: t('netCashFlow'),
          type: 'bar',
          itemStyle: { color: '#d4380d' },
          data: h.map((x) => ({ value: f.moneyValue(x.netCashFlowFen, unit), itemStyle: { color: x.netCashFlowFen < 0 ? '#d4380d' : '#15803d' } })),
          tooltip: { valueFormatter: (v: number) => `${f.number(v, 2)} ${f.unitLabel(unit)}` },
        },
        {
          name: t('irrSinceInception'),
          type: 'line',
          yAxisIndex: 1,
          connectNulls: false,
          data: h.map((x) => (x.irr === null || Math.abs(x.irr) > 3 ? null : x.irr)),
          itemStyle: { color: '#1d4ed8' },
          tooltip: { valueFormatter: (v: number | null) => f.percent(v) },
        },
      ],
    }),
    [h, f, t, unit],
  );
  const navChart = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${f.number(v, 2)} ${f.unitLabel(unit)}` },
      legend: { bottom: 0 },
      grid: { left: 56, right: 16, top: 28, bottom: 44 },
      xAxis: { type: 'category', data: h.map((x) => x.date) },
      yAxis: { type: 'value', name: f.unitLabel(unit) },
      series: [
        {
          name: t('nav'),
          type: 'line',
          areaStyle: { opacity: 0.18 },
          data: h.map((x) => f.moneyValue(x.navFen, unit)),
          itemStyle: { color: '#1d4ed8' },
        },
        { name: t('paidIn'), type: 'line', step: 'end', data: h.map((x) => f.moneyValue(x.paidInFen, unit)), itemStyle: { color: '#d4380d' } },
        { name: t('distributed'), type: 'line', step: 'end', data: h.map((x) => f.moneyValue(x.distributedFen, unit)), itemStyle: { color: '#15803d' } },
      ],
    }),
    [h, f, t, unit],
  );
  const statements = props.data.navStatements;
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('jcurve')}>
            {h.length ? <Chart option={jcurve} height={300} testId="jcurve-chart" /> : <Empty />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('navHistory')}>
            {h.length ? <Chart option={navChart} height={300} testId="nav-chart" /> : <Empty />}
          </Card>
        </Col>
      </Row>
      {statements.length || props.writable ? (
        <Card
          size="small"
          title={t('navStatements')}
          style={{ marginTop: 16 }}
          extra={
            <Space>
              <Typography.Text type="secondary">{t('common:unit', { unit: f.unitLabel(f.tableUnit()) })}</Typography.Text>
              {props.writable ? (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setNavOpen(true)} data-testid="add-nav">
                  {t('addNav')}
                </Button>
              ) : null}
            </Space>
          }
        >
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
            {t('navStatementsNote')}
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey="id"
            data-testid="nav-statements"
            dataSource={statements}
            pagination={{ pageSize: 8, showSizeChanger: false }}
            locale={{ emptyText: t('noStatements') }}
            columns={[
              { title: t('date'), dataIndex: 'date', width: 110 },
              {
                title: t('reported'),
                dataIndex: 'navFen',
                align: 'right',
                render: (v: number) => <span className="num">{f.moneyCell(v, f.tableUnit())}</span>,
              },
              {
                title: t('books'),
                dataIndex: 'booksNavFen',
                align: 'right',
                render: (v: number) => <span className="num">{f.moneyCell(v, f.tableUnit())}</span>,
              },
              {
                title: t('difference'),
                dataIndex: 'differenceFen',
                align: 'right',
                render: (v: number) => (
                  <span className="num" style={{ color: v === 0 ? undefined : '#d4380d' }}>
                    {f.moneyCell(v, f.tableUnit())}
                  </span>
                ),
              },
              { title: t('source'), dataIndex: 'source' },
            ]}
          />
        </Card>
      ) : null}
      {props.writable ? <NavStatementModal open={navOpen} onClose={() => setNavOpen(false)} fundId={props.data.fund.id} /> : null}
    </>
  );
}

function MarkTag(props: { mark: { date: string; method: ValuationMethod } | null }) {
  const { t, i18n } = useTranslation('performance');
  if (!props.mark) return <Typography.Text type="secondary">{t('atCost')}</Typography.Text>;
  return (
    <span style={{ fontSize: 12, lineHeight: 1.3, display: 'inline-block' }}>
      {label(VALUATION_METHODS[props.mark.method], i18n.language)}
      <br />
      <Typography.Text type="secondary" style={{ fontSize: 11 }}>
        {props.mark.date}
      </Typography.Text>
    </span>
  );
}

function Holdings(props: { data: Performance; writable: boolean }) {
  const { t } = useTranslation('performance');
  const f = useFormat();
  const [open, setOpen] = useState(false);
  const unit = f.tableUnit();
  const money = (v: number) => <span className="num">{f.moneyCell(v, unit)}</span>;
  const d = props.data;
  return (
    <Card
      size="small"
      extra={
        <Space>
          <Typography.Text type="secondary">{t('common:unit', { unit: f.unitLabel(unit) })}</Typography.Text>
          {props.writable ? (
            <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="new-investment">
              {t('newInvestment')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Table
        size="small"
        rowKey="companyId"
        data-testid="holdings-table"
        dataSource={d.holdings}
        pagination={{ pageSize: 25, showSizeChanger: false }}
        locale={{ emptyText: t('holdingsEmpty') }}
        columns={[
          {
            title: t('company'),
            key: 'name',
            width: 230,
            render: (_: unknown, r) => (
              <Link to="/performance/position" search={{ fundId: d.fund.id, companyId: r.companyId, asOf: d.asOf }} data-testid="holding-link">
                {f.locale === 'en' ? (r.nameEn ?? r.nameZh) : r.nameZh}
              </Link>
            ),
          },
          { title: t('sector'), dataIndex: 'sector', width: 90, render: (s: string) => label(SECTORS[s as Sector] ?? { zh: s, en: s }, f.locale) },
          { title: t('firstDate'), dataIndex: 'firstDate', width: 100, sorter: (a, b) => a.firstDate.localeCompare(b.firstDate) },
          { title: t('rounds'), dataIndex: 'rounds', width: 56, align: 'right' },
          { title: t('invested'), dataIndex: 'investedFen', align: 'right', render: money, sorter: (a, b) => a.investedFen - b.investedFen },
          { title: t('realised'), dataIndex: 'realisedFen', align: 'right', render: money, sorter: (a, b) => a.realisedFen - b.realisedFen },
          { title: t('value'), dataIndex: 'valueFen', align: 'right', render: money, sorter: (a, b) => a.valueFen - b.valueFen },
          { title: t('heldShare'), dataIndex: 'heldShare', align: 'right', width: 80, render: (v: number) => <span className="num">{f.percent(v, 2)}</span> },
          {
            title: t('moic'),
            dataIndex: 'moic',
            align: 'right',
            width: 72,
            sorter: (a, b) => (a.moic ?? 0) - (b.moic ?? 0),
            render: (v: number | null) => <span className="num">{f.multiple(v)}</span>,
          },
          { title: t('irr'), dataIndex: 'irr', align: 'right', width: 76, render: (v: number | null) => <span className="num">{f.percent(v)}</span> },
          { title: t('mark'), dataIndex: 'mark', width: 130, render: (m: { date: string; method: ValuationMethod } | null) => <MarkTag mark={m} /> },
          {
            title: t('status'),
            dataIndex: 'exited',
            width: 72,
            filters: [
              { text: t('held'), value: false },
              { text: t('exited'), value: true },
            ],
            onFilter: (v, r) => r.exited === v,
            render: (x: boolean) => (x ? <Tag>{t('exited')}</Tag> : <Tag color="blue">{t('held')}</Tag>),
          },
        ]}
      />
      {props.writable ? <InvestmentModal open={open} onClose={() => setOpen(false)} fundId={d.fund.id} /> : null}
    </Card>
  );
}

function Interests(props: { data: Performance }) {
  const { t } = useTranslation('performance');
  const f = useFormat();
  const navigate = route.useNavigate();
  const unit = f.tableUnit();
  const money = (v: number) => <span className="num">{f.moneyCell(v, unit)}</span>;
  return (
    <Card size="small" extra={<Typography.Text type="secondary">{t('common:unit', { unit: f.unitLabel(unit) })}</Typography.Text>}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('interestsNote')}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="fundId"
        data-testid="interests-table"
        dataSource={props.data.interests}
        pagination={false}
        columns={[
          { title: t('fund'), dataIndex: 'code', width: 80, render: (c: string, r) => <Tag color={kindColor[r.kind]}>{c}</Tag> },
          { title: '', key: 'name', render: (_: unknown, r) => (f.locale === 'en' ? r.nameEn : r.nameZh) },
          { title: t('vintage'), dataIndex: 'vintage', width: 70 },
          { title: t('committed'), dataIndex: 'committedFen', align: 'right', render: money },
          { title: t('paidIn'), dataIndex: 'paidInFen', align: 'right', render: money },
          { title: t('distributed'), dataIndex: 'distributedFen', align: 'right', render: money },
          { title: t('share'), dataIndex: 'share', align: 'right', render: (v: number) => <span className="num">{f.percent(v, 2)}</span> },
          { title: t('navShare'), dataIndex: 'navShareFen', align: 'right', render: money },
          { title: t('tvpi'), dataIndex: 'tvpi', align: 'right', render: (v: number | null) => <span className="num">{f.multiple(v)}</span> },
          {
            title: '',
            key: 'open',
            width: 64,
            render: (_: unknown, r) => (
              <Button size="small" type="link" onClick={() => void navigate({ search: (s) => ({ ...s, fundId: r.fundId, tab: undefined }) })}>
                {t('open')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

type LookThroughData = Outputs['performance']['lookThrough'];

function LookThrough(props: { fundId: number; asOf: string }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.performance.lookThrough.queryOptions({ fundId: props.fundId, asOf: props.asOf }));
  return <QueryState query={q}>{(d) => <LookThroughView data={d} />}</QueryState>;
}

function LookThroughView(props: { data: LookThroughData }) {
  const { t } = useTranslation('performance');
  const f = useFormat();
  const [heldOnly, setHeldOnly] = useState(true);
  const [text, setText] = useState('');
  const d = props.data;
  const unit = f.tableUnit();
  const money = (v: number) => <span className="num">{f.moneyCell(v, unit)}</span>;
  const rows = d.companies.filter(
    (c) => (!heldOnly || c.held) && (!text || c.nameZh.includes(text) || (c.nameEn ?? '').toLowerCase().includes(text.toLowerCase())),
  );
  const large = f.tableUnit(true);
  const groupChart = (groups: LookThroughData['bySector'], name: (k: string) => string, color: string): ChartOption => ({
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${f.number(v, 2)} ${f.unitLabel(large)}` },
    legend: { bottom: 0, itemWidth: 12, itemHeight: 8 },
    grid: { left: 110, right: 20, top: 24, bottom: 48 },
    xAxis: { type: 'value', name: f.unitLabel(large), nameLocation: 'end', axisLabel: { hideOverlap: true } },
    yAxis: { type: 'category', inverse: true, data: groups.map((g) => name(g.key)) },
    series: [
      { name: t('exposure'), type: 'bar', stack: 'v', data: groups.map((g) => f.moneyValue(g.valueFen, large)), itemStyle: { color } },
      { name: t('realised'), type: 'bar', stack: 'v', data: groups.map((g) => f.moneyValue(g.realisedFen, large)), itemStyle: { color: '#94a3b8' } },
    ],
  });
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('ltNote')}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('bySector')}>
            <Chart
              height={320}
              testId="lt-sector-chart"
              option={groupChart(d.bySector, (k) => label(SECTORS[k as Sector] ?? { zh: k, en: k }, f.locale), '#1d4ed8')}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('byZone')}>
            <Chart height={320} testId="lt-zone-chart" option={groupChart(d.byZone, (k) => label(ZONES[k as Zone] ?? { zh: k, en: k }, f.locale), '#0e7490')} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('byVintage')}>
            <Chart
              height={320}
              testId="lt-vintage-chart"
              option={groupChart(
                d.byVintage.slice().sort((a, b) => a.key.localeCompare(b.key)),
                (k) => k,
                '#7c3aed',
              )}
            />
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={<span data-testid="lt-title">{t('ltTitle', { n: d.totals.companies, held: d.totals.held, overlap: d.totals.overlapping })}</span>}
        extra={
          <Space>
            <Input.Search allowClear placeholder={t('search')} onSearch={setText} style={{ width: 200 }} />
            <Space size={4}>
              <Switch size="small" checked={heldOnly} onChange={setHeldOnly} />
              <Typography.Text style={{ fontSize: 12 }}>{t('heldOnly')}</Typography.Text>
            </Space>
            <Typography.Text type="secondary">{t('common:unit', { unit: f.unitLabel(unit) })}</Typography.Text>
          </Space>
        }
      >
        <Table
          size="small"
          rowKey="companyId"
          data-testid="lt-table"
          dataSource={rows}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          expandable={{
            expandedRowRender: (r) => (
              <Table
                size="small"
                rowKey={(p) => `${p.holderFundId}-${p.via.join('>')}`}
                pagination={false}
                dataSource={r.paths}
                columns={[
                  { title: t('fund'), dataIndex: 'holderCode', width: 90, render: (c: string) => <Tag color="blue">{c}</Tag> },
                  { title: t('via'), dataIndex: 'via', render: (v: string[]) => (v.length ? v.join(' → ') : '—') },
                  { title: t('share'), dataIndex: 'share', align: 'right', render: (v: number) => <span className="num">{f.percent(v, 3)}</span> },
                  { title: t('invested'), dataIndex: 'investedFen', align: 'right', render: money },
                  { title: t('exposure'), dataIndex: 'valueFen', align: 'right', render: money },
                ]}
              />
            ),
          }}
          columns={[
            {
              title: t('company'),
              key: 'name',
              render: (_: unknown, r) => (
                <Space size={6}>
                  {f.locale === 'en' ? (r.nameEn ?? r.nameZh) : r.nameZh}
                  {r.overlap ? (
                    <Tag color="orange" data-testid="overlap-tag">
                      {t('overlap')} ×{new Set(r.paths.map((p) => p.holderFundId)).size}
                    </Tag>
                  ) : null}
                </Space>
              ),
            },
            { title: t('sector'), dataIndex: 'sector', width: 100, render: (s: string) => label(SECTORS[s as Sector] ?? { zh: s, en: s }, f.locale) },
            { title: t('zone'), dataIndex: 'zone', width: 120, render: (z: string) => label(ZONES[z as Zone] ?? { zh: z, en: z }, f.locale) },
            { title: t('firstDate'), dataIndex: 'firstDate', width: 100 },
            { title: t('costExposure'), dataIndex: 'investedFen', align: 'right', render: money, sorter: (a, b) => a.investedFen - b.investedFen },
            { title: t('realised'), dataIndex: 'realisedFen', align: 'right', render: money, sorter: (a, b) => a.realisedFen - b.realisedFen },
            {
              title: t('exposure'),
              dataIndex: 'valueFen',
              align: 'right',
              render: money,
              sorter: (a, b) => a.valueFen - b.valueFen,
              defaultSortOrder: 'descend',
            },
            { title: t('moic'), dataIndex: 'moic', align: 'right', width: 80, render: (v: number | null) => <span className="num">{f.multiple(v)}</span> },
          ]}
        />
      </Card>
    </>
  );
}

function Reviews() {
  const { t, i18n } = useTranslation('performance');
  const f = useFormat();
  const trpc = useTRPC();
  const session = useSession();
  const q = useQuery(trpc.portfolio.pendingValuations.queryOptions());
  const unit = f.tableUnit();
  const canReview = session.data?.role === 'manager';
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
                    {f.locale === 'en' ? (r.companyEn ?? r.companyZh) : r.companyZh}
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
