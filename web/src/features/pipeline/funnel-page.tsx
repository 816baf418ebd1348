import type { PipelineKind } from '@highland/shared';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Card, Col, DatePicker, Row, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '../../components/ui/chart.js';
import { Page } from '../../components/ui/page.js';
import { QueryState } from '../../components/ui/query-state.js';
import { Stat } from '../../components/ui/stat.js';
import { useFormat } from '../../lib/format.js';
import { useTRPC } from '../../lib/trpc.js';
import { PipelineTabs } from './pipeline-nav.js';
import { useLabels, usePipelineOptions } from './use-pipeline.js';

const route = getRouteApi('/pipeline/funnel');
const COLORS = ['#1d4ed8', '#2563eb', '#3b82f6', '#0e7490', '#0891b2', '#06b6d4', '#16a34a'];

/** Conversion per stage, median time in stage, and the same reach by source and by sector. */
export function FunnelPage() {
  const { t } = useTranslation('pipeline');
  const f = useFormat();
  const l = useLabels();
  const trpc = useTRPC();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const options = usePipelineOptions();
  const [pipeline, setPipeline] = useState<PipelineKind>('direct');
  const [period, setPeriod] = useState<[string | undefined, string | undefined]>([undefined, undefined]);
  const funds = (options.data?.funds ?? []).filter((x) => x.pipeline === pipeline);
  const fundId = pipeline === 'direct' ? search.fund : undefined;
  const q = useQuery({
    ...trpc.pipeline.funnel.queryOptions({
      pipeline,
      ...(fundId ? { fundIds: [fundId] } : {}),
      ...(period[0] ? { from: period[0] } : {}),
      ...(period[1] ? { to: period[1] } : {}),
    }),
    placeholderData: (prev) => prev,
  });

  const funnelChart = useMemo<ChartOption | null>(() => {
    if (!q.data) return null;
    const first = q.data.stages[0]?.reached || 1;
    return {
      tooltip: { trigger: 'item', formatter: (p: { name: string; value: number }) => `${p.name}<br/>${f.number(p.value)} · ${f.percent(p.value / first, 1)}` },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: '8%',
          width: '84%',
          top: 8,
          bottom: 8,
          minSize: '30%',
          gap: 2,
          label: {
            show: true,
            position: 'inside',
            formatter: (p: { name: string; value: number }) => `${p.name}  ${f.number(p.value)}`,
            color: '#fff',
            fontSize: 12,
          },
          itemStyle: { borderWidth: 0 },
          data: q.data.stages.map((s, i) => ({ name: l.stage(s.stage), value: s.reached, itemStyle: { color: COLORS[i % COLORS.length] } })),
        },
      ],
    };
  }, [q.data, f, l]);

  const daysChart = useMemo<ChartOption | null>(() => {
    if (!q.data) return null;
    const stages = q.data.stages.slice(0, -1);
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => t('daysN', { n: f.number(v, 1) }) },
      grid: { left: 48, right: 16, top: 24, bottom: 28 },
      xAxis: { type: 'category', data: stages.map((s) => l.stage(s.stage)), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', name: t('days') },
      series: [
        {
          type: 'bar',
          data: stages.map((s) => s.medianDays ?? 0),
          itemStyle: { color: '#0e7490' },
          barMaxWidth: 36,
          label: { show: true, position: 'top', formatter: (p: { value: number }) => f.number(p.value, 0) },
        },
      ],
    };
  }, [q.data, f, l, t]);

  const winChart = useMemo<ChartOption | null>(() => {
    if (!q.data) return null;
    const src = q.data.bySource;
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => f.percent(v, 1) },
      grid: { left: 110, right: 24, top: 8, bottom: 24 },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => f.percent(v, 0) } },
      yAxis: { type: 'category', data: src.map((g) => l.source(g.key)), inverse: true },
      series: [{ type: 'bar', data: src.map((g) => g.winRate ?? 0), itemStyle: { color: '#16a34a' }, barMaxWidth: 18 }],
    };
  }, [q.data, f, l]);

  const groupColumns = (stages: string[], name: (k: string) => string) => [
    { title: t('group'), dataIndex: 'key', width: 150, render: (k: string) => name(k) },
    { title: t('dealsN'), dataIndex: 'deals', align: 'right' as const, width: 72, render: (n: number) => <span className="num">{f.number(n)}</span> },
    ...stages.slice(1).map((s, i) => ({
      title: l.stage(s),
      key: s,
      align: 'right' as const,
      render: (_: unknown, g: { deals: number; reached: number[] }) => {
        const share = g.deals ? (g.reached[i + 1] ?? 0) / g.deals : 0;
        return (
          <div className="hl-heat" style={{ background: `rgba(29,78,216,${Math.min(0.85, share * 1.4)})`, color: share > 0.35 ? '#fff' : undefined }}>
            <span className="num">{f.percent(share, 0)}</span>
          </div>
        );
      },
    })),
  ];

  return (
    <Page
      title={t('funnelTitle')}
      subtitle={t('funnelSub')}
      extra={
        <Space wrap>
          {options.data?.funds.some((x) => x.pipeline === 'selection') ? (
            <Select
              value={pipeline}
              onChange={(v: PipelineKind) => {
                setPipeline(v);
                void navigate({ search: {} });
              }}
              options={[
                { value: 'direct', label: l.pipeline('direct') },
                { value: 'selection', label: l.pipeline('selection') },
              ]}
              style={{ width: 140 }}
            />
          ) : null}
          {pipeline === 'direct' ? (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('allFunds')}
              style={{ width: 320 }}
              value={fundId}
              onChange={(id?: number) => void navigate({ search: id ? { fund: id } : {} })}
              options={funds.map((x) => ({ value: x.id, label: `${x.code} ${l.name(x.nameZh, x.nameEn)}` }))}
              data-testid="funnel-fund"
            />
          ) : null}
          <DatePicker.RangePicker
            placeholder={[t('createdFrom'), t('createdTo')]}
            allowEmpty={[true, true]}
            value={period[0] || period[1] ? [period[0] ? dayjs(period[0]) : null, period[1] ? dayjs(period[1]) : null] : null}
            onChange={(v) => setPeriod([v?.[0]?.format('YYYY-MM-DD'), v?.[1]?.format('YYYY-MM-DD')])}
          />
        </Space>
      }
    >
      <div style={{ marginBottom: 12 }}>
        <PipelineTabs fundId={fundId} />
      </div>
      <QueryState query={q} rows={10}>
        {(d) => {
          const first = d.stages[0]?.reached ?? 0;
          const last = d.stages[d.stages.length - 1];
          const passed = d.stages.reduce((s, x) => s + x.passedHere, 0);
          return (
            <>
              <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
                <Col xs={12} xl={6}>
                  <Stat
                    testId="funnel-deals"
                    label={t('dealsInFunnel')}
                    value={f.number(d.deals)}
                    note={t('orderNote', { order: t(`order.${d.stageOrder}`) })}
                  />
                </Col>
                <Col xs={12} xl={6}>
                  <Stat
                    testId="funnel-won"
                    label={l.stage(last?.stage)}
                    value={f.number(last?.reached ?? 0)}
                    note={t('winRate', { pct: f.percent(first ? (last?.reached ?? 0) / first : null, 1) })}
                  />
                </Col>
                <Col xs={12} xl={6}>
                  <Stat label={t('passedTotal')} value={f.number(passed)} note={t('passedShare', { pct: f.percent(d.deals ? passed / d.deals : null, 0) })} />
                </Col>
                <Col xs={12} xl={6}>
                  <Stat
                    label={t('medianCycle')}
                    value={t('daysN', {
                      n: f.number(
                        d.stages.slice(0, -1).reduce((s, x) => s + (x.medianDays ?? 0), 0),
                        0,
                      ),
                    })}
                    note={t('medianCycleNote')}
                  />
                </Col>
              </Row>
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={10}>
                  <Card size="small" title={t('funnelChart')}>
                    {funnelChart ? <Chart option={funnelChart} height={320} testId="funnel-chart" /> : null}
                  </Card>
                </Col>
                <Col xs={24} xl={14}>
                  <Card size="small" title={t('conversionTable')}>
                    <Table
                      size="small"
                      rowKey="stage"
                      pagination={false}
                      data-testid="funnel-table"
                      dataSource={d.stages}
                      columns={[
                        { title: t('stage'), dataIndex: 'stage', render: (s: string) => l.stage(s) },
                        { title: t('reached'), dataIndex: 'reached', align: 'right', render: (n: number) => <span className="num">{f.number(n)}</span> },
                        {
                          title: t('conversion'),
                          dataIndex: 'conversion',
                          align: 'right',
                          render: (r: number | null) => <span className="num">{f.percent(r, 1)}</span>,
                        },
                        {
                          title: t('medianDays'),
                          dataIndex: 'medianDays',
                          align: 'right',
                          render: (v: number | null) => <span className="num">{v === null ? '—' : f.number(v, 1)}</span>,
                        },
                        {
                          title: t('stays'),
                          key: 'stays',
                          align: 'right',
                          render: (_: unknown, s, i) =>
                            i === d.stages.length - 1 ? (
                              '—'
                            ) : (
                              <Typography.Text type="secondary" className="num">
                                {t('staysLine', { ended: f.number(s.endedStays), open: f.number(s.openStays) })}
                              </Typography.Text>
                            ),
                        },
                        { title: t('passedHere'), dataIndex: 'passedHere', align: 'right', render: (n: number) => <span className="num">{f.number(n)}</span> },
                      ]}
                    />
                  </Card>
                  <Card size="small" title={t('medianChart')} style={{ marginTop: 16 }}>
                    {daysChart ? <Chart option={daysChart} height={200} testId="days-chart" /> : null}
                  </Card>
                </Col>
              </Row>
              <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
                <Col xs={24} xl={16}>
                  <Card size="small" title={t('bySource')} extra={<Typography.Text type="secondary">{t('shareReached')}</Typography.Text>}>
                    <Table
                      size="small"
                      rowKey="key"
                      pagination={false}
                      dataSource={d.bySource}
                      columns={groupColumns(
                        d.stages.map((s) => s.stage),
                        l.source,
                      )}
                      data-testid="funnel-by-source"
                    />
                  </Card>
                </Col>
                <Col xs={24} xl={8}>
                  <Card size="small" title={t('winBySource')}>
                    {winChart ? <Chart option={winChart} height={240} /> : null}
                  </Card>
                </Col>
              </Row>
              <Card
                size="small"
                title={t('bySector')}
                style={{ marginTop: 16 }}
                extra={<Typography.Text type="secondary">{t('shareReached')}</Typography.Text>}
              >
                <Table
                  size="small"
                  rowKey="key"
                  pagination={false}
                  dataSource={d.bySector}
                  columns={groupColumns(
                    d.stages.map((s) => s.stage),
                    l.sector,
                  )}
                  data-testid="funnel-by-sector"
                />
              </Card>
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
