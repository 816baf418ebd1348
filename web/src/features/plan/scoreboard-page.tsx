import { DownloadOutlined, RightOutlined } from '@ant-design/icons';
import { daysBetween, INVESTOR_SOURCES, label, TARGET_METRICS, type TargetMetric } from '@highland/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { inferRouterOutputs } from '@trpc/server';
import { Alert, App, Button, Card, Col, Drawer, Empty, Progress, Row, Select, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsOfPicker, todayIso } from '../../components/ui/as-of-picker.js';
import { Chart, type ChartOption } from '../../components/ui/chart.js';
import { Page } from '../../components/ui/page.js';
import { QueryState } from '../../components/ui/query-state.js';
import { downloadBase64 } from '../../lib/download.js';
import { errorMessage } from '../../lib/errors.js';
import { useFormat } from '../../lib/format.js';
import { type AppRouter, useTRPC, useTRPCClient } from '../../lib/trpc.js';
import { STATUS_COLOR, StatusTag, useLabels, useMetricValue } from './kit.js';

const route = getRouteApi('/scoreboard');
type View = inferRouterOutputs<AppRouter>['scoreboard']['view'];
type Metric = View['metrics'][number];

/** The next "round" number at or above x (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × a power of ten), for an axis maximum. */
function niceCeil(x: number): number {
  if (x <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  return ([1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * p >= x) ?? 10) * p;
}

const PROGRESS_COLOR: Record<string, string> = { met: '#16a34a', on_track: '#1d4ed8', behind: '#d97706', missed: '#dc2626' };

/** The plan's scoreboard: a progress bar and a trend with its projection for every target, drill-down to the firms, XLSX export. */
export function ScoreboardPage() {
  const { t } = useTranslation('plan');
  const f = useFormat();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const { message } = App.useApp();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const asOf = search.asOf ?? todayIso();
  const q = useQuery(trpc.scoreboard.view.queryOptions({ asOf, programmeId: search.programme }));
  const [drill, setDrill] = useState<TargetMetric | null>(null);
  const download = useMutation({
    mutationFn: () => client.scoreboard.exportXlsx.query({ asOf, programmeId: q.data?.programme?.id }),
    onSuccess: (file) => downloadBase64(file),
    onError: (e) => void message.error(errorMessage(e, t)),
  });
  const p = q.data?.programme ?? null;
  const name = p ? (f.locale === 'en' ? p.nameEn : p.nameZh) : '';
  return (
    <Page
      title={t('scoreboard.title')}
      subtitle={
        p ? (
          <Space size={12} wrap>
            <span>{t('scoreboard.sub', { name, start: f.date(p.startDate, 'long'), end: f.date(p.endDate, 'long') })}</span>
            <Tag>{asOf >= p.endDate ? t('scoreboard.ended', { date: p.endDate }) : t('scoreboard.remaining', { n: daysBetween(asOf, p.endDate) })}</Tag>
          </Space>
        ) : null
      }
      extra={
        <Space wrap>
          <Select
            style={{ minWidth: 280 }}
            data-testid="programme-select"
            value={p?.id}
            placeholder={t('scoreboard.programme')}
            options={(q.data?.programmes ?? []).map((x) => ({ value: x.id, label: `${x.code} · ${f.locale === 'en' ? x.nameEn : x.nameZh}` }))}
            onChange={(id: number) => void navigate({ search: { ...search, programme: id } })}
          />
          <AsOfPicker value={asOf} onChange={(d) => void navigate({ search: { ...search, asOf: d } })} />
          <Button icon={<DownloadOutlined />} loading={download.isPending} disabled={!p} onClick={() => download.mutate()} data-testid="scoreboard-export">
            {t('export')}
          </Button>
        </Space>
      }
    >
      <QueryState query={q} isEmpty={(d) => !d.programme} empty={<Alert type="info" showIcon title={t('scoreboard.noProgramme')} />}>
        {(d) => (
          <>
            <Row gutter={[16, 16]} data-testid="scoreboard-targets">
              {d.metrics.map((m) => (
                <Col key={m.metric} xs={24} lg={12} xxl={8}>
                  <TargetCard view={d} metric={m} onDrill={() => setDrill(m.metric)} />
                </Col>
              ))}
            </Row>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
              {t('scoreboard.outputYear', { year: d.outputYear })}
            </Typography.Paragraph>
            {drill && d.programme ? <DrillDrawer programmeId={d.programme.id} metric={drill} asOf={asOf} onClose={() => setDrill(null)} /> : null}
          </>
        )}
      </QueryState>
    </Page>
  );
}

function TargetCard(props: { view: View; metric: Metric; onDrill: () => void }) {
  const { t } = useTranslation('plan');
  const f = useFormat();
  const labels = useLabels();
  const value = useMetricValue();
  const { metric: m, view } = props;
  const p = view.programme;
  const money = TARGET_METRICS[m.metric].unit === 'fen';
  const scale = (v: number) => (money ? f.moneyValue(v, f.locale === 'en' ? 'bn' : 'yi') : v);
  const unit = money ? f.unitLabel(f.locale === 'en' ? 'bn' : 'yi') : t('unitFirms');
  const option = useMemo<ChartOption>(() => {
    const actual = view.dates.map((d, i) => [d, scale(m.series[i] ?? 0)]);
    const series: unknown[] = [
      {
        name: t('scoreboard.actual'),
        type: 'line',
        step: money ? false : 'end',
        showSymbol: false,
        data: actual,
        lineStyle: { width: 2, color: '#1d4ed8' },
        itemStyle: { color: '#1d4ed8' },
        areaStyle: { color: 'rgba(29, 78, 216, 0.08)' },
        markLine:
          m.target !== null
            ? {
                symbol: 'none',
                silent: true,
                lineStyle: { color: '#dc2626', type: 'dashed' },
                label: { formatter: t('scoreboard.targetLine'), position: 'insideEndTop', color: '#dc2626', fontSize: 11 },
                data: [{ yAxis: scale(m.target) }],
              }
            : undefined,
      },
    ];
    if (m.projection)
      series.push({
        name: t('scoreboard.projection'),
        type: 'line',
        showSymbol: false,
        data: m.projection.line.map((pt) => [pt.date, scale(pt.value)]),
        lineStyle: { width: 1.5, type: 'dashed', color: '#64748b' },
        itemStyle: { color: '#64748b' },
      });
    return {
      animation: false,
      grid: { left: 48, right: 16, top: 16, bottom: 24 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${f.number(v, money ? 2 : 0)} ${unit}` },
      xAxis: { type: 'time', min: p?.startDate, max: p && p.endDate > view.asOf ? p.endDate : view.asOf, axisLabel: { fontSize: 10 } },
      yAxis: {
        type: 'value',
        axisLabel: { fontSize: 10 },
        min: 0,
        // Room for the target line when the figure is still far below it.
        max: m.target !== null ? (v: { max: number }) => niceCeil(Math.max(v.max, scale(m.target ?? 0)) * 1.05) : undefined,
      },
      series,
    };
  }, [view, m, f, t, money, unit, p, scale]);
  const pct = m.progress === null ? null : m.progress;
  return (
    <Card
      size="small"
      data-testid={`target-${m.metric}`}
      title={
        <Space>
          <span>{labels.metric(m.metric)}</span>
          <StatusTag status={m.status} />
        </Space>
      }
      extra={
        <Button type="link" size="small" onClick={props.onDrill} data-testid={`drill-${m.metric}`}>
          {t('scoreboard.drill')} <RightOutlined />
        </Button>
      }
    >
      <Space align="baseline" size={12} wrap>
        <Typography.Link className="num" style={{ fontSize: 26, fontWeight: 600, color: '#0f1f3d' }} onClick={props.onDrill} data-testid={`value-${m.metric}`}>
          {value(m.metric, m.value)}
        </Typography.Link>
        {m.target !== null ? (
          <Typography.Text type="secondary">
            {t('scoreboard.target')} {value(m.metric, m.target)}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('scoreboard.noTarget')}</Typography.Text>
        )}
      </Space>
      {pct !== null ? (
        <Tooltip title={m.note ? t('scoreboard.source', { note: m.note }) : undefined}>
          <Progress
            percent={Math.min(100, Math.round(pct * 1000) / 10)}
            format={() => f.percent(pct, 1)}
            strokeColor={m.status ? PROGRESS_COLOR[m.status] : undefined}
            data-testid={`progress-${m.metric}`}
          />
        </Tooltip>
      ) : null}
      <div style={{ minHeight: 20, fontSize: 12, color: '#667085' }}>
        {m.valueAtEnd !== null && p
          ? t('scoreboard.atEnd', { date: p.endDate, value: value(m.metric, m.valueAtEnd) })
          : m.target !== null
            ? m.projection
              ? t('scoreboard.projected', { value: value(m.metric, m.projection.endValue) })
              : t('scoreboard.noProjection')
            : null}
      </div>
      <Chart option={option} height={150} testId={`chart-${m.metric}`} />
    </Card>
  );
}

type Drill = inferRouterOutputs<AppRouter>['scoreboard']['drill'];

function DrillDrawer(props: { programmeId: number; metric: TargetMetric; asOf: string; onClose: () => void }) {
  const { t } = useTranslation('plan');
  const labels = useLabels();
  const trpc = useTRPC();
  const q = useQuery(trpc.scoreboard.drill.queryOptions({ programmeId: props.programmeId, metric: props.metric, asOf: props.asOf }));
  return (
    <Drawer
      open
      size={1040}
      onClose={props.onClose}
      title={t('scoreboard.drillTitle', { metric: labels.metric(props.metric), date: props.asOf })}
      data-testid="drill-drawer"
      destroyOnHidden
    >
      <QueryState query={q}>{(d) => <DrillBody drill={d} />}</QueryState>
    </Drawer>
  );
}

function DrillBody(props: { drill: Drill }) {
  const { t } = useTranslation('plan');
  const f = useFormat();
  const labels = useLabels();
  const d = props.drill;
  const unit = f.tableUnit(true);
  const money = (v: number | null) => (v === null ? '—' : <span className="num">{f.moneyCell(v, unit)}</span>);
  const unitNote = <Typography.Text type="secondary">{t('common:unit', { unit: f.unitLabel(unit) })}</Typography.Text>;
  if (d.kind === 'investors')
    return (
      <Table
        size="small"
        rowKey={(r) => `${r.investorId}-${r.date}`}
        pagination={false}
        dataSource={d.rows}
        title={() => unitNote}
        data-testid="drill-table"
        columns={[
          { title: t('scoreboard.investor'), dataIndex: f.locale === 'en' ? 'nameEn' : 'nameZh' },
          {
            title: t('scoreboard.source_'),
            dataIndex: 'sourceType',
            render: (s: string) => label(INVESTOR_SOURCES[s as keyof typeof INVESTOR_SOURCES], f.locale),
          },
          { title: t('date'), dataIndex: 'date' },
          { title: t('scoreboard.committed'), dataIndex: 'fen', align: 'right', render: money },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>
              {t('scoreboard.total')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {money(d.totalFen)}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    );
  if (d.kind === 'funds')
    return (
      <Table
        size="small"
        rowKey="fundId"
        pagination={false}
        dataSource={d.rows}
        title={() => unitNote}
        data-testid="drill-table"
        columns={[
          { title: t('scoreboard.fund'), key: 'f', render: (_: unknown, r) => `${r.code} ${f.locale === 'en' ? r.nameEn : r.nameZh}` },
          { title: t('scoreboard.batch'), dataIndex: 'batch', render: (b: number | null) => b ?? '—' },
          { title: t('scoreboard.countedSize'), dataIndex: 'fen', align: 'right', render: money },
        ]}
        summary={() => (
          <>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                {t('scoreboard.directInvestments')}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {money(d.motherDirectFen)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                <strong>{t('scoreboard.total')}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <strong>{money(d.totalFen)}</strong>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          </>
        )}
      />
    );
  const firmCols = [
    { title: t('firm'), key: 'n', render: (_: unknown, r: (typeof d.rows)[number]) => (f.locale === 'en' ? (r.nameEn ?? r.nameZh) : r.nameZh) },
    { title: t('sector'), dataIndex: 'sector', render: labels.sector },
    { title: t('zone'), dataIndex: 'zone', render: labels.zone },
  ];
  const holders = { title: t('heldBy'), dataIndex: 'holders', render: (h: string[]) => h.map((c) => <Tag key={c}>{c}</Tag>) };
  if (d.metric === 'output_value') {
    const year = d.year ?? 0;
    return (
      <Tabs
        items={[
          {
            key: 'firms',
            label: `${t('scoreboard.firms')}（${d.rows.length}）`,
            children: (
              <Table
                size="small"
                rowKey="companyId"
                dataSource={d.rows}
                pagination={{ pageSize: 50, showSizeChanger: false }}
                title={() => unitNote}
                data-testid="drill-table"
                columns={[
                  ...firmCols,
                  { title: t('scoreboard.outputValue', { year }), dataIndex: 'valueFen', align: 'right' as const, render: money },
                  holders,
                ]}
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0} colSpan={3}>
                      <strong>{t('scoreboard.total')}</strong>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={1} align="right">
                      <strong>{money(d.totalFen)}</strong>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2} />
                  </Table.Summary.Row>
                )}
              />
            ),
          },
          {
            key: 'gaps',
            label: t('scoreboard.gaps', { n: d.gaps.length }),
            children: (
              <>
                <Typography.Paragraph type="secondary">{t('scoreboard.gapsHint', { year })}</Typography.Paragraph>
                {d.gaps.length ? (
                  <Table
                    size="small"
                    rowKey="companyId"
                    dataSource={d.gaps}
                    pagination={false}
                    data-testid="gaps-table"
                    columns={[
                      ...firmCols,
                      { title: t('scoreboard.lastYear'), dataIndex: 'lastYear', render: (y: number | null) => y ?? '—' },
                      { title: t('scoreboard.lastValue'), dataIndex: 'valueFen', align: 'right' as const, render: money },
                      holders,
                    ]}
                  />
                ) : (
                  <Empty />
                )}
              </>
            ),
          },
        ]}
      />
    );
  }
  if (d.metric === 'star_listings')
    return (
      <Table
        size="small"
        rowKey="companyId"
        dataSource={d.rows}
        pagination={false}
        title={() => unitNote}
        data-testid="drill-table"
        columns={[
          ...firmCols,
          { title: t('scoreboard.listedOn'), dataIndex: 'date' },
          { title: t('scoreboard.sponsor'), dataIndex: 'sponsor' },
          { title: t('scoreboard.standard'), dataIndex: 'listingStandard', render: (n: number) => t('listings.standardN', { n }) },
          { title: t('scoreboard.plannedRaise'), dataIndex: 'valueFen', align: 'right' as const, render: money },
          {
            title: t('scoreboard.acceptedDays'),
            dataIndex: 'acceptedDays',
            align: 'right' as const,
            render: (n: number | null) => (n === null ? '—' : t('days', { n })),
          },
        ]}
      />
    );
  return (
    <Table
      size="small"
      rowKey="companyId"
      dataSource={d.rows}
      pagination={{ pageSize: 50, showSizeChanger: false }}
      data-testid="drill-table"
      columns={[
        ...firmCols,
        { title: t('scoreboard.effectiveOn'), dataIndex: 'date' },
        holders,
        {
          title: t('scoreboard.criteria'),
          dataIndex: 'criteria',
          render: (c: string[] | undefined) =>
            (c ?? []).map((x) => (
              <Tag key={x} color={STATUS_COLOR.on_track}>
                {labels.criterion(x)}
              </Tag>
            )),
        },
      ]}
    />
  );
}
