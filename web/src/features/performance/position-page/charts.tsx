import { KPI_METRICS, label } from '@highland/shared';
import { Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '../../../components/ui/chart.js';
import { useFormat } from '../../../lib/format.js';
import type { Position } from './types.js';

export function ValueChart(props: { history: Position['history'] }) {
  const { t } = useTranslation('position');
  const f = useFormat();
  const unit = f.tableUnit();
  const h = props.history;
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${f.number(v, 0)} ${f.unitLabel(unit)}` },
      legend: { bottom: 0 },
      grid: { left: 64, right: 16, top: 16, bottom: 44 },
      xAxis: { type: 'category', data: h.map((x) => x.date) },
      yAxis: { type: 'value' },
      series: [
        {
          name: t('valueLine'),
          type: 'line',
          areaStyle: { opacity: 0.15 },
          data: h.map((x) => f.moneyValue(x.valueFen, unit)),
          itemStyle: { color: '#1d4ed8' },
        },
        { name: t('investedLine'), type: 'line', step: 'end', data: h.map((x) => f.moneyValue(x.investedFen, unit)), itemStyle: { color: '#d4380d' } },
        { name: t('realisedLine'), type: 'line', step: 'end', data: h.map((x) => f.moneyValue(x.realisedFen, unit)), itemStyle: { color: '#15803d' } },
      ],
    }),
    [h, f, t, unit],
  );
  return <Chart option={option} height={280} testId="position-chart" />;
}

export function KpiChart(props: { kpis: Position['kpis'] }) {
  const { i18n, t } = useTranslation('position');
  const f = useFormat();
  const annual = props.kpis.filter((k) => /^\d{4}$/.test(k.period));
  const unit = f.tableUnit(true);
  if (!annual.length) return <Empty description={t('noKpi')} />;
  const option: ChartOption = {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${f.number(v, 2)} ${f.unitLabel(unit)}` },
    legend: { bottom: 0 },
    grid: { left: 56, right: 16, top: 16, bottom: 44 },
    xAxis: { type: 'category', data: annual.map((k) => k.period) },
    yAxis: { type: 'value', name: f.unitLabel(unit) },
    series: [
      {
        name: label(KPI_METRICS.revenueFen, i18n.language),
        type: 'bar',
        data: annual.map((k) => f.moneyValue(k.revenueFen ?? 0, unit)),
        itemStyle: { color: '#1d4ed8' },
      },
      {
        name: label(KPI_METRICS.outputValueFen, i18n.language),
        type: 'bar',
        data: annual.map((k) => f.moneyValue(k.outputValueFen ?? 0, unit)),
        itemStyle: { color: '#0e7490' },
      },
      {
        name: label(KPI_METRICS.rndFen, i18n.language),
        type: 'line',
        data: annual.map((k) => f.moneyValue(k.rndFen ?? 0, unit)),
        itemStyle: { color: '#d4380d' },
      },
    ],
  };
  return <Chart option={option} height={280} testId="kpi-chart" />;
}
