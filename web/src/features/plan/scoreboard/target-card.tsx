import { RightOutlined } from '@ant-design/icons';
import { TARGET_METRICS } from '@highland/shared';
import { Button, Card, Progress, Space, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '../../../components/ui/chart.js';
import { useFormat } from '../../../lib/format.js';
import { StatusTag, useLabels, useMetricValue } from '../kit.js';
import { type View, type Metric, niceCeil, PROGRESS_COLOR } from './scoreboard-kit.js';

export function TargetCard(props: { view: View; metric: Metric; onDrill: () => void }) {
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
