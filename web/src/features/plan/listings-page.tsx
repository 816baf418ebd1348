import { PlusOutlined } from '@ant-design/icons';
import {
  COMMITTEE_OUTCOME_CODES,
  IsoDateSchema,
  LISTING_PHASES,
  LISTING_STANDARD_CODES,
  LISTING_STANDARDS,
  type ListingEventKind,
  ListingOpenSchema,
  ListingUndoSchema,
  label,
} from '@highland/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { inferRouterOutputs } from '@trpc/server';
import {
  Alert,
  Badge,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Progress,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsOfPicker, todayIso } from '../../components/ui/as-of-picker.js';
import { Chart, type ChartOption, echarts } from '../../components/ui/chart.js';
import { FormModal } from '../../components/ui/form-modal.js';
import { Page } from '../../components/ui/page.js';
import { QueryState } from '../../components/ui/query-state.js';
import { errorMessage } from '../../lib/errors.js';
import { useFormat } from '../../lib/format.js';
import { useSession } from '../../lib/session.js';
import { type AppRouter, useTRPC } from '../../lib/trpc.js';
import { zodRule } from '../../lib/validation.js';
import { COMMITTEE_COLOR, convertedRule, FEN_PER_YI, FirmSelect, isoOf, useLabels } from './kit.js';

const route = getRouteApi('/listings');
type Board = inferRouterOutputs<AppRouter>['listing']['board'];
type Attempt = Board['attempts'][number];
type Detail = inferRouterOutputs<AppRouter>['listing']['detail'];

/** Board columns: runs of stages, then the suspended and the ended attempts. */
const COLUMNS = [
  { key: 'tutoring', stages: ['tutoring_filed', 'tutoring_accepted'] },
  { key: 'review', stages: ['accepted', 'inquiry'] },
  { key: 'committee', stages: ['committee'] },
  { key: 'registration', stages: ['registration_submitted', 'registered'] },
  { key: 'suspended', stages: [] },
  { key: 'listed', stages: [] },
  { key: 'ended', stages: [] },
] as const;

function columnOf(a: Attempt): string {
  if (a.outcome === 'listed') return 'listed';
  if (a.outcome) return 'ended';
  if (a.suspended) return 'suspended';
  return COLUMNS.find((c) => (c.stages as readonly string[]).includes(a.stage ?? ''))?.key ?? 'tutoring';
}

const STAGE_COLORS: Record<string, string> = {
  tutoring_filed: '#93c5fd',
  tutoring_accepted: '#60a5fa',
  accepted: '#a78bfa',
  inquiry: '#8b5cf6',
  committee: '#f59e0b',
  registration_submitted: '#34d399',
  registered: '#10b981',
};

/** The STAR Market listing tracker: a board by stage, a timeline, and each attempt's record. */
export function ListingsPage() {
  const { t } = useTranslation('plan');
  const trpc = useTRPC();
  const actor = useSession().data;
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const asOf = search.asOf ?? todayIso();
  const q = useQuery(trpc.listing.board.queryOptions({ asOf }));
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  return (
    <Page
      title={t('listings.title')}
      subtitle={t('listings.sub')}
      extra={
        <Space>
          <AsOfPicker value={asOf} onChange={(d) => void navigate({ search: { asOf: d } })} />
          {actor?.role === 'manager' ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="listing-open">
              {t('listings.open')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <QueryState query={q} isEmpty={(d) => d.attempts.length === 0} empty={<Empty description={t('listings.empty')} />}>
        {(d) => (
          <Tabs
            items={[
              { key: 'board', label: t('listings.board'), children: <BoardView attempts={d.attempts} onOpen={setOpenId} /> },
              { key: 'timeline', label: t('listings.timeline'), children: <TimelineView board={d} onOpen={setOpenId} /> },
            ]}
          />
        )}
      </QueryState>
      {openId !== null ? <DetailDrawer id={openId} asOf={asOf} onClose={() => setOpenId(null)} /> : null}
      <OpenModal open={creating} onClose={() => setCreating(false)} />
    </Page>
  );
}

function BoardView(props: { attempts: Attempt[]; onOpen: (id: number) => void }) {
  const { t } = useTranslation('plan');
  return (
    <div
      style={{ display: 'grid', gridTemplateColumns: `repeat(${COLUMNS.length}, minmax(150px, 1fr))`, gap: 12, overflowX: 'auto' }}
      data-testid="listing-board"
    >
      {COLUMNS.map((c) => {
        const items = props.attempts.filter((a) => columnOf(a) === c.key);
        return (
          <div key={c.key} data-testid={`column-${c.key}`} style={{ background: '#eef1f6', borderRadius: 8, padding: 8, minHeight: 200 }}>
            <div style={{ display: 'flex', justifyContent: 'space-between', padding: '2px 4px 8px', fontWeight: 600, color: '#0f1f3d' }}>
              <span>{t(`listings.columns.${c.key}`)}</span>
              <Badge count={items.length} showZero color={c.key === 'suspended' ? '#d97706' : c.key === 'ended' ? '#94a3b8' : '#1d4ed8'} />
            </div>
            <Space orientation="vertical" style={{ width: '100%' }} size={8}>
              {items.map((a) => (
                <AttemptCard key={a.id} a={a} onOpen={() => props.onOpen(a.id)} />
              ))}
            </Space>
          </div>
        );
      })}
    </div>
  );
}

function AttemptCard(props: { a: Attempt; onOpen: () => void }) {
  const { t } = useTranslation('plan');
  const f = useFormat();
  const labels = useLabels();
  const a = props.a;
  const over = a.phaseDays !== null && a.phaseTypicalDays !== null && a.phaseDays > a.phaseTypicalDays;
  return (
    <Card size="small" hoverable onClick={props.onOpen} data-testid={`attempt-${a.id}`} styles={{ body: { padding: 10 } }}>
      <div style={{ fontWeight: 600, fontSize: 13, lineHeight: 1.35 }}>{f.locale === 'en' ? (a.nameEn ?? a.nameZh) : a.nameZh}</div>
      <Space size={4} wrap style={{ margin: '6px 0' }}>
        {a.stage ? <Tag color={a.outcome === 'listed' ? 'green' : 'blue'}>{labels.event(a.stage)}</Tag> : null}
        {a.committeeOutcome && a.stage === 'committee' ? <Tag color={COMMITTEE_COLOR[a.committeeOutcome]}>{labels.outcome(a.committeeOutcome)}</Tag> : null}
        {a.suspended ? <Tag color="orange">{t('listings.suspendedSince', { date: a.suspendedSince })}</Tag> : null}
        {a.outcome && a.outcome !== 'listed' ? <Tag>{a.outcome === 'terminated' ? labels.event('terminated') : labels.outcome('rejected')}</Tag> : null}
        {a.attemptNo > 1 ? <Tag>{t('listings.attempt', { n: a.attemptNo })}</Tag> : null}
      </Space>
      {a.outcome === null && !a.suspended && a.daysInStage !== null ? (
        <div style={{ fontSize: 12, color: '#475467' }}>{t('listings.inStage', { n: a.daysInStage })}</div>
      ) : null}
      {a.outcome === null && a.phase && a.phaseDays !== null ? (
        <div style={{ fontSize: 12 }}>
          <div style={{ color: over ? '#dc2626' : '#475467' }}>
            {a.phaseTypicalDays !== null
              ? t('listings.phaseVsTypical', { phase: labels.phase(a.phase), days: a.phaseDays, typical: a.phaseTypicalDays })
              : t('listings.phaseNoTypical', { phase: labels.phase(a.phase), days: a.phaseDays })}
          </div>
          {a.phaseTypicalDays !== null ? (
            <Progress
              size="small"
              showInfo={false}
              percent={Math.min(100, (a.phaseDays / a.phaseTypicalDays) * 100)}
              strokeColor={over ? '#dc2626' : '#1d4ed8'}
              style={{ margin: 0 }}
            />
          ) : null}
        </div>
      ) : null}
      {a.outcome !== null ? <div style={{ fontSize: 12, color: '#475467' }}>{a.closedOn}</div> : null}
      <div style={{ fontSize: 12, color: '#667085', marginTop: 4 }}>
        {a.sponsor} · {t('listings.standardN', { n: a.listingStandard })} · {f.money(a.plannedRaiseFen)}
      </div>
    </Card>
  );
}

/** A Gantt of every attempt: its stages as bars on a time axis, suspensions hatched over them. */
function TimelineView(props: { board: Board; onOpen: (id: number) => void }) {
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
function ChartWithClick(props: { option: ChartOption; height: number; onClick: (row: number) => void }) {
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

function useInvalidate() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries(trpc.listing.pathFilter()),
      qc.invalidateQueries(trpc.scoreboard.pathFilter()),
      qc.invalidateQueries(trpc.support.pathFilter()),
    ]);
}

const yiRule = (schema: Parameters<typeof zodRule>[0], t: Parameters<typeof zodRule>[1]) => convertedRule<number>(schema, t, (v) => Math.round(v * FEN_PER_YI));

type AttemptFields = { sponsor: string; listingStandard: 1 | 2 | 3 | 4 | 5; plannedRaise: number; expectedMarketValue?: number | null };

function AttemptFieldsForm() {
  const { t } = useTranslation('plan');
  const f = useFormat();
  const s = ListingOpenSchema.shape;
  return (
    <>
      <Form.Item name="sponsor" label={t('listings.sponsor')} rules={[zodRule(s.sponsor, t)]}>
        <Input data-testid="listing-sponsor" />
      </Form.Item>
      <Form.Item name="listingStandard" label={t('listings.listingStandard')} rules={[zodRule(s.listingStandard, t)]}>
        <Select options={LISTING_STANDARD_CODES.map((n) => ({ value: n, label: label(LISTING_STANDARDS[n], f.locale) }))} data-testid="listing-standard" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="plannedRaise" label={`${t('listings.plannedRaise')}（${t('unitYi')}）`} rules={[yiRule(s.plannedRaiseFen, t)]}>
            <InputNumber style={{ width: '100%' }} min={0} step={1} data-testid="listing-raise" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="expectedMarketValue" label={`${t('listings.expectedMarketValue')}（${t('unitYi')}）`}>
            <InputNumber style={{ width: '100%' }} min={0} step={1} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

const fenOf = (yi: number | null | undefined) => (yi == null ? null : Math.round(yi * FEN_PER_YI));

function OpenModal(props: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('plan');
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const m = useMutation(trpc.listing.open.mutationOptions());
  const [date, setDate] = useState(todayIso());
  return (
    <FormModal<AttemptFields & { companyId: number; date: Dayjs; note?: string }>
      title={t('listings.open')}
      open={props.open}
      onClose={props.onClose}
      testId="listing-open-form"
      names={['companyId', 'date', 'sponsor', 'listingStandard', 'plannedRaiseFen', 'expectedMarketValueFen', 'note']}
      initialValues={{ date: dayjs(date), listingStandard: 1 }}
      submit={async (v) => {
        await m.mutateAsync({
          companyId: v.companyId,
          date: isoOf(v.date) ?? '',
          sponsor: v.sponsor,
          listingStandard: v.listingStandard,
          plannedRaiseFen: fenOf(v.plannedRaise) ?? 0,
          expectedMarketValueFen: fenOf(v.expectedMarketValue),
          note: v.note,
        });
        await invalidate();
      }}
    >
      <Form.Item name="date" label={t('listings.tutoringDate')} rules={[convertedRule<Dayjs>(IsoDateSchema, t, isoOf)]}>
        <DatePicker style={{ width: '100%' }} onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))} data-testid="listing-date" />
      </Form.Item>
      <Form.Item name="companyId" label={t('firm')} rules={[zodRule(ListingOpenSchema.shape.companyId, t)]}>
        <FirmSelect date={date} portfolioOnly testId="listing-firm" />
      </Form.Item>
      <AttemptFieldsForm />
    </FormModal>
  );
}

function DetailDrawer(props: { id: number; asOf: string; onClose: () => void }) {
  const { t } = useTranslation('plan');
  const trpc = useTRPC();
  const q = useQuery(trpc.listing.detail.queryOptions({ id: props.id, asOf: props.asOf }));
  const labels = useLabels();
  return (
    <Drawer
      open
      size={980}
      onClose={props.onClose}
      destroyOnHidden
      data-testid="listing-detail"
      title={
        q.data
          ? `${q.data.nameZh} · ${t('listings.attempt', { n: q.data.attemptNo })} · ${q.data.stage ? labels.event(q.data.stage) : ''}`
          : t('listings.detail')
      }
    >
      <QueryState query={q}>{(d) => <DetailBody d={d} />}</QueryState>
    </Drawer>
  );
}

function DetailBody(props: { d: Detail }) {
  const { t } = useTranslation('plan');
  const f = useFormat();
  const labels = useLabels();
  const actor = useSession().data;
  const d = props.d;
  const [editing, setEditing] = useState(false);
  const canWrite = actor?.role === 'manager';
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions
        size="small"
        bordered
        column={2}
        extra={
          canWrite ? (
            <Button size="small" onClick={() => setEditing(true)}>
              {t('listings.edit')}
            </Button>
          ) : null
        }
      >
        <Descriptions.Item label={t('listings.sponsor')}>{d.sponsor}</Descriptions.Item>
        <Descriptions.Item label={t('listings.listingStandard')}>
          {label(LISTING_STANDARDS[d.listingStandard], f.locale)}
          {d.standard.marketValueMet === false ? <Tag color="orange">{t('listings.marketValueBelow')}</Tag> : null}
          {d.standard.fifthStandardEligible ? <Tag color="green">{t('listings.fifthEligible')}</Tag> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('listings.plannedRaise')}>{f.money(d.plannedRaiseFen)}</Descriptions.Item>
        <Descriptions.Item label={t('listings.expectedMarketValue')}>
          {d.expectedMarketValueFen === null ? '—' : f.money(d.expectedMarketValueFen)}
        </Descriptions.Item>
        <Descriptions.Item label={t('sector')}>{labels.sector(d.sector)}</Descriptions.Item>
        <Descriptions.Item label={t('zone')}>{labels.zone(d.zone)}</Descriptions.Item>
      </Descriptions>
      {d.acceptedDays ? (
        <Alert type="info" showIcon title={t('listings.acceptedToListed', { calendar: d.acceptedDays.calendar, active: d.acceptedDays.active })} />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('listings.stages')}>
            <Table
              size="small"
              rowKey={(r) => `${r.stage}-${r.from}`}
              pagination={false}
              dataSource={d.timeline.stages.filter((s) => s.stage !== 'listed')}
              data-testid="stage-table"
              columns={[
                {
                  title: t('listings.stage'),
                  dataIndex: 'stage',
                  render: (s: string, r) => (
                    <Space size={4}>
                      {labels.event(s)}
                      {r.meetings.map((m) => (
                        <Tag key={m.date} color={COMMITTEE_COLOR[m.outcome]}>
                          {m.date} {labels.outcome(m.outcome)}
                        </Tag>
                      ))}
                    </Space>
                  ),
                },
                { title: t('listings.from'), dataIndex: 'from' },
                { title: t('listings.to'), dataIndex: 'to', render: (v: string | null) => v ?? <Tag color="blue">{t('listings.current')}</Tag> },
                { title: t('listings.calendarDays'), dataIndex: 'calendarDays', align: 'right' },
                { title: t('listings.activeDays'), dataIndex: 'activeDays', align: 'right' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('listings.phases')}>
            <Table
              size="small"
              rowKey="phase"
              pagination={false}
              dataSource={d.timeline.phases}
              columns={[
                { title: t('listings.phase'), dataIndex: 'phase', render: (p: keyof typeof LISTING_PHASES) => labels.phase(p) },
                { title: t('listings.clockDays'), dataIndex: 'activeDays', align: 'right' },
                {
                  title: t('listings.typical'),
                  dataIndex: 'typicalDays',
                  align: 'right',
                  render: (v: number | null, r) => <span title={label(LISTING_PHASES[r.phase].source, f.locale)}>{v ?? '—'}</span>,
                },
                {
                  title: t('listings.over'),
                  dataIndex: 'overDays',
                  align: 'right',
                  render: (v: number | null) => (v === null ? '—' : <span style={{ color: v > 0 ? '#dc2626' : '#16a34a' }}>{v > 0 ? `+${v}` : v}</span>),
                },
              ]}
            />
            {d.timeline.suspensions.length ? (
              <div style={{ marginTop: 12 }}>
                <Typography.Text strong>{t('listings.suspensions')}</Typography.Text>
                {d.timeline.suspensions.map((s) => (
                  <div key={s.from} style={{ fontSize: 12 }}>
                    {s.from} – {s.to ?? t('listings.current')} · {t('days', { n: s.days })}
                  </div>
                ))}
              </div>
            ) : null}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('listings.events')}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={d.events}
          data-testid="event-table"
          columns={[
            { title: t('date'), dataIndex: 'date' },
            {
              title: t('listings.kind'),
              dataIndex: 'kind',
              render: (k: string, r) => (
                <Space size={4}>
                  {labels.event(k)}
                  {r.outcome ? <Tag color={COMMITTEE_COLOR[r.outcome]}>{labels.outcome(r.outcome)}</Tag> : null}
                  {r.afterAsOf ? <Tag>{t('listings.afterAsOf')}</Tag> : null}
                </Space>
              ),
            },
            { title: t('note'), dataIndex: 'note', render: (n: string | null) => n ?? '' },
            { title: t('listings.recordedBy'), dataIndex: 'by', render: (n: string | null) => n ?? t('designations.system') },
          ]}
        />
        {canWrite ? <RecordForm d={d} /> : null}
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('listings.otherAttempts')}>
            {d.attempts.map((a) => (
              <div key={a.id} style={{ fontSize: 13 }}>
                {t('listings.attempt', { n: a.attemptNo })} · {a.openedOn} – {a.closedOn ?? t('listings.current')}{' '}
                {a.outcome ? (
                  <Tag>
                    {a.outcome === 'listed' ? labels.event('listed') : a.outcome === 'terminated' ? labels.event('terminated') : labels.outcome('rejected')}
                  </Tag>
                ) : null}
              </div>
            ))}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('listings.subsidies')}>
            {d.subsidies.length
              ? d.subsidies.map((s) => (
                  <div key={s.id} style={{ fontSize: 13 }}>
                    {labels.event(s.milestone ?? '')} · {f.money(s.appliedFen)} · {labels.supportStatus(s.status)}
                  </div>
                ))
              : '—'}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('listings.consulting')}>
            {d.sessions.length
              ? d.sessions.map((s) => (
                  <div key={s.id} style={{ fontSize: 13 }}>
                    {s.date} · {s.topic}
                  </div>
                ))
              : '—'}
          </Card>
        </Col>
      </Row>
      <EditModal d={editing ? d : null} onClose={() => setEditing(false)} />
    </Space>
  );
}

function RecordForm(props: { d: Detail }) {
  const { t } = useTranslation('plan');
  const labels = useLabels();
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const record = useMutation(trpc.listing.record.mutationOptions());
  const undo = useMutation(trpc.listing.undo.mutationOptions());
  const [form] = Form.useForm<{ kind: ListingEventKind; date: Dayjs; outcome?: 'passed' | 'deferred' | 'rejected'; note?: string }>();
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const kind = Form.useWatch('kind', form);
  const d = props.d;
  const fail = (e: unknown) => setError(errorMessage(e, t));
  if (!d.next.length) return <Alert style={{ marginTop: 12 }} type="success" showIcon title={t('listings.noNext')} />;
  return (
    <div style={{ marginTop: 12, borderTop: '1px solid #eef1f6', paddingTop: 12 }}>
      <Typography.Text strong>{t('listings.record')}</Typography.Text>
      {error ? <Alert type="error" showIcon title={error} style={{ margin: '8px 0' }} data-testid="record-error" /> : null}
      <Form
        form={form}
        layout="inline"
        style={{ marginTop: 8, rowGap: 8 }}
        initialValues={{ kind: d.next[0], date: dayjs(todayIso()) }}
        data-testid="record-form"
        onFinish={async (v) => {
          setError(null);
          try {
            await record.mutateAsync({
              attemptId: d.id,
              kind: v.kind,
              date: isoOf(v.date) ?? '',
              outcome: v.kind === 'committee' ? v.outcome : undefined,
              note: v.note,
            });
            form.resetFields(['note']);
            await invalidate();
          } catch (e) {
            fail(e);
          }
        }}
      >
        <Form.Item name="kind">
          <Select style={{ width: 160 }} options={d.next.map((k) => ({ value: k, label: labels.event(k) }))} data-testid="record-kind" />
        </Form.Item>
        <Form.Item name="date" rules={[convertedRule<Dayjs>(IsoDateSchema, t, isoOf)]}>
          <DatePicker data-testid="record-date" />
        </Form.Item>
        {kind === 'committee' ? (
          <Form.Item name="outcome" rules={[{ required: true, message: t('validation:outcomeRequired') }]}>
            <Select
              style={{ width: 130 }}
              placeholder={t('listings.outcome')}
              options={COMMITTEE_OUTCOME_CODES.map((o) => ({ value: o, label: labels.outcome(o) }))}
              data-testid="record-outcome"
            />
          </Form.Item>
        ) : null}
        <Form.Item name="note">
          <Input placeholder={t('note')} style={{ width: 220 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="record-submit">
          {t('common:save')}
        </Button>
      </Form>
      {d.events.length > 1 ? (
        <Space style={{ marginTop: 8 }}>
          <Input size="small" placeholder={t('listings.undoReason')} value={reason} onChange={(e) => setReason(e.target.value)} style={{ width: 220 }} />
          <Popconfirm
            title={t('listings.undoConfirm')}
            onConfirm={async () => {
              setError(null);
              const parsed = ListingUndoSchema.shape.reason.safeParse(reason);
              if (!parsed.success) return setError(`${t('listings.undoReason')}：${t('validation:reasonRequired')}`);
              try {
                await undo.mutateAsync({ attemptId: d.id, reason });
                setReason('');
                await invalidate();
              } catch (e) {
                fail(e);
              }
            }}
          >
            <Button size="small" danger data-testid="undo">
              {t('listings.undo')}
            </Button>
          </Popconfirm>
        </Space>
      ) : null}
    </div>
  );
}

function EditModal(props: { d: Detail | null; onClose: () => void }) {
  const { t } = useTranslation('plan');
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const m = useMutation(trpc.listing.update.mutationOptions());
  const d = props.d;
  return (
    <FormModal<AttemptFields>
      title={t('listings.edit')}
      open={d !== null}
      onClose={props.onClose}
      testId="listing-edit-form"
      names={['sponsor', 'listingStandard', 'plannedRaiseFen', 'expectedMarketValueFen']}
      initialValues={
        d
          ? {
              sponsor: d.sponsor,
              listingStandard: d.listingStandard,
              plannedRaise: d.plannedRaiseFen / FEN_PER_YI,
              expectedMarketValue: d.expectedMarketValueFen === null ? null : d.expectedMarketValueFen / FEN_PER_YI,
            }
          : {}
      }
      submit={async (v) => {
        if (!d) return;
        await m.mutateAsync({
          id: d.id,
          sponsor: v.sponsor,
          listingStandard: v.listingStandard,
          plannedRaiseFen: fenOf(v.plannedRaise) ?? 0,
          expectedMarketValueFen: fenOf(v.expectedMarketValue),
        });
        await invalidate();
      }}
    >
      <AttemptFieldsForm />
    </FormModal>
  );
}
