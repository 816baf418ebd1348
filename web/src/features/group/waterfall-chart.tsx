import type { WaterfallStep } from '@highland/shared';
import { Card, Segmented } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '../../components/ui/chart.js';
import { useFormat } from '../../lib/format.js';

const COLORS: Record<string, string> = {
  mother_fund: '#c2410c',
  fiscal: '#ea580c',
  soe: '#1d4ed8',
  financial: '#0e7490',
  private: '#4f46e5',
  foreign: '#0891b2',
  individual: '#64748b',
  total: '#0f1f3d',
};

/**
 * The leverage waterfall: the mother fund's money first, each other source of money stacked on it, and
 * the group's size at the end, against the programme's target. Floating bars: an invisible base series
 * carries each step up to where the previous one ended.
 */
export function WaterfallChart(props: { steps: Record<'committed' | 'paid_in', WaterfallStep[]>; targetFen: number | null }) {
  const { t } = useTranslation('group');
  const f = useFormat();
  const [basis, setBasis] = useState<'committed' | 'paid_in'>('committed');
  const unit = f.tableUnit(true);
  const steps = props.steps[basis];
  const option = useMemo<ChartOption>(() => {
    const v = (fen: number) => Math.round(f.moneyValue(fen, unit) * 100) / 100;
    return {
      grid: { left: 64, right: 24, top: 28, bottom: 56 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (items: Array<{ seriesName: string; dataIndex: number }>) => {
          const s = steps[items[0]?.dataIndex ?? 0];
          return s ? `${t(`sources.${s.key}`)}<br/><b>${f.money(s.amountFen)}</b>` : '';
        },
      },
      xAxis: { type: 'category', data: steps.map((s) => t(`sources.${s.key}`)), axisLabel: { interval: 0, fontSize: 11, width: 72, overflow: 'break' } },
      yAxis: { type: 'value', name: f.unitLabel(unit), nameTextStyle: { align: 'right' } },
      series: [
        { name: 'base', type: 'bar', stack: 'w', silent: true, itemStyle: { color: 'transparent' }, data: steps.map((s) => v(s.baseFen)) },
        {
          name: t('waterfall'),
          type: 'bar',
          stack: 'w',
          barMaxWidth: 48,
          data: steps.map((s) => ({ value: v(s.amountFen), itemStyle: { color: COLORS[s.key] ?? '#1d4ed8' } })),
          label: { show: true, position: 'top', fontSize: 11, formatter: (p: { value: number }) => f.number(p.value, 0) },
          markLine: props.targetFen
            ? {
                symbol: 'none',
                lineStyle: { color: '#b91c1c', type: 'dashed' },
                label: { formatter: t('targetLine'), position: 'insideEndTop', color: '#b91c1c' },
                data: [{ yAxis: v(props.targetFen) }],
              }
            : undefined,
        },
      ],
    };
  }, [steps, f, t, unit, props.targetFen]);
  return (
    <Card
      size="small"
      title={t('waterfall')}
      extra={
        <Segmented
          size="small"
          value={basis}
          onChange={(x) => setBasis(x as 'committed' | 'paid_in')}
          options={[
            { label: t('basisCommitted'), value: 'committed' },
            { label: t('basisPaid'), value: 'paid_in' },
          ]}
        />
      }
    >
      <Chart option={option} height={320} testId="waterfall-chart" />
    </Card>
  );
}
