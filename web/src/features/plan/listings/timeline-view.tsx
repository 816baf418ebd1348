import { Card, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption, echarts } from '../../../components/ui/chart.js';
import { useFormat } from '../../../lib/format.js';
import { useLabels } from '../kit.js';
import { type Board, type Attempt, STAGE_COLORS } from './listings-kit.js';

/** A Gantt of every attempt: its stages as bars on a time axis, suspensions hatched over them. */
export function TimelineView(props: { board: Board; onOpen: (id: number) => void }) {
  const { t } = useTranslation('plan');
  const f = useFormat();
  const labels = useLabels();
  const attempts = useMemo(() => [...props.board.attempts].sort((a, b) => b.openedOn.localeCompare(a.openedOn)), [props.board]);
  const option = useMemo<ChartOption>(() => {
    const end = props.board.asOf;
    const bars: Array<{ value: [number, number, number, string]; itemStyle: { color: string } }> = [];
    const pauses: Array<[number, number, number]> = [];
    const marks: Array<{ value: [number, number]; symbol: string; itemStyle: { color: string }; name: string }> = [];
    attempts.forEach((a, y) => {
      for (const s of a.timeline.stages) {
        if (s.stage === 'listed') continue;
        bars.push({
          value: [y, dayjs(s.from).valueOf(), dayjs(s.to ?? end).valueOf(), labels.event(s.stage)],
          itemStyle: { color: STAGE_COLORS[s.stage] ?? '#94a3b8' },
        });
      }
      for (const p of a.timeline.suspensions) pauses.push([y, dayjs(p.from).valueOf(), dayjs(p.to ?? end).valueOf()]);
      if (a.outcome && a.closedOn)
        marks.push({
          value: [dayjs(a.closedOn).valueOf(), y],
          symbol: a.outcome === 'listed' ? 'circle' : 'diamond',
          itemStyle: { color: a.outcome === 'listed' ? '#16a34a' : '#dc2626' },
          name: a.outcome === 'listed' ? labels.event('listed') : labels.event('terminated'),
        });
    });
    const rect = (api: { value: (i: number) => number; coord: (v: number[]) => number[]; size: (v: number[]) => number[] }, heightShare: number) => {
      const y = api.value(0);
      const start = api.coord([api.value(1), y]);
      const stop = api.coord([api.value(2), y]);
      const h = (api.size([0, 1])[1] ?? 20) * heightShare;
      return { x: start[0] ?? 0, y: (start[1] ?? 0) - h / 2, width: Math.max(2, (stop[0] ?? 0) - (start[0] ?? 0)), height: h };
    };
    return {
      animation: false,
      grid: { left: 230, right: 30, top: 20, bottom: 40 },
      tooltip: {
        formatter: (p: { seriesName: string; value: unknown[]; name?: string }) =>
          p.seriesName === 'stages'
            ? `${p.value[3]}<br/>${dayjs(p.value[1] as number).format('YYYY-MM-DD')} – ${dayjs(p.value[2] as number).format('YYYY-MM-DD')}`
            : p.seriesName === 'pauses'
              ? `${labels.event('suspended')}<br/>${dayjs(p.value[1] as number).format('YYYY-MM-DD')} – ${dayjs(p.value[2] as number).format('YYYY-MM-DD')}`
              : `${p.name ?? ''} ${dayjs(p.value[0] as number).format('YYYY-MM-DD')}`,
      },
      xAxis: { type: 'time', axisLabel: { fontSize: 11 } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: attempts.map((a) => `${f.locale === 'en' ? (a.nameEn ?? a.nameZh) : a.nameZh}${a.attemptNo > 1 ? ` (${a.attemptNo})` : ''}`),
        axisLabel: { fontSize: 11, width: 210, overflow: 'truncate' },
      },
      series: [
        {
          name: 'stages',
          type: 'custom',
          encode: { x: [1, 2], y: 0 },
          data: bars,
          renderItem: (_: unknown, api: Parameters<typeof rect>[0] & { style: () => object }) => ({ type: 'rect', shape: rect(api, 0.55), style: api.style() }),
        },
        {
          name: 'pauses',
          type: 'custom',
          encode: { x: [1, 2], y: 0 },
          data: pauses,
          renderItem: (_: unknown, api: Parameters<typeof rect>[0]) => ({
            type: 'rect',
            shape: rect(api, 0.8),
            style: { fill: 'rgba(217, 119, 6, 0.35)', stroke: '#d97706', lineDash: [3, 2] },
          }),
        },
        { name: 'ends', type: 'scatter', symbolSize: 16, data: marks },
      ],
    };
  }, [attempts, props.board.asOf, f, labels]);
  return (
    <Card size="small">
      <Space wrap size={12} style={{ marginBottom: 8, fontSize: 12 }}>
        {Object.entries(STAGE_COLORS).map(([s, c]) => (
          <span key={s}>
            <span style={{ display: 'inline-block', width: 12, height: 10, background: c, marginInlineEnd: 4 }} />
            {labels.event(s)}
          </span>
        ))}
        <span>
          <span
            style={{ display: 'inline-block', width: 12, height: 10, background: 'rgba(217, 119, 6, 0.35)', border: '1px dashed #d97706', marginInlineEnd: 4 }}
          />
          {labels.event('suspended')}
        </span>
        <span style={{ color: '#16a34a' }}>● {labels.event('listed')}</span>
        <span style={{ color: '#dc2626' }}>◆ {labels.event('terminated')}</span>
      </Space>
      <ChartWithClick
        option={option}
        height={Math.max(260, attempts.length * 34 + 70)}
        onClick={(y) => attempts[y] && props.onOpen((attempts[y] as Attempt).id)}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('listings.timelineHint')}
      </Typography.Text>
    </Card>
  );
}

/** The Chart primitive plus a click on a row (the category index of the clicked item). */
export function ChartWithClick(props: { option: ChartOption; height: number; onClick: (row: number) => void }) {
  const option = useMemo(() => props.option, [props.option]);
  return (
    <div
      data-testid="listing-timeline"
      onClickCapture={(e) => {
        const el = e.currentTarget.querySelector('div[_echarts_instance_]') as HTMLDivElement | null;
        const chart = el ? echarts.getInstanceByDom(el) : undefined;
        if (!chart) return;
        const rect = el?.getBoundingClientRect();
        const point = [e.clientX - (rect?.left ?? 0), e.clientY - (rect?.top ?? 0)];
        const [, row] = chart.convertFromPixel({ gridIndex: 0 }, point) as number[];
        if (row !== undefined && Number.isFinite(row)) props.onClick(Math.round(row));
      }}
    >
      <Chart option={option} height={props.height} />
    </div>
  );
}
