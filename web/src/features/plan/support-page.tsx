import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  ConsultingCreateSchema,
  FIRST_SET_KIND_CODES,
  IsoDateSchema,
  type LISTING_STAGE_CODES,
  PositiveMoneyFenSchema,
  SUPPORT_KIND_CODES,
  SUPPORT_STATUS_CODES,
  type SupportKind,
  type SupportTotalDimension,
  supportCap,
} from '@highland/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { inferRouterOutputs } from '@trpc/server';
import { Alert, Button, Card, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Segmented, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsOfPicker, todayIso } from '../../components/ui/as-of-picker.js';
import { Chart, type ChartOption } from '../../components/ui/chart.js';
import { FormModal } from '../../components/ui/form-modal.js';
import { Page } from '../../components/ui/page.js';
import { QueryState } from '../../components/ui/query-state.js';
import { useFormat } from '../../lib/format.js';
import { useSession } from '../../lib/session.js';
import { type AppRouter, useTRPC } from '../../lib/trpc.js';
import { zodRule } from '../../lib/validation.js';
import { convertedRule, FEN_PER_WAN, FirmSelect, isoOf, useLabels } from './kit.js';

const route = getRouteApi('/support');
type Item = inferRouterOutputs<AppRouter>['support']['list']['items'][number];
const STATUS_COLOR: Record<string, string> = { applied: 'gold', approved: 'blue', paid: 'green', rejected: 'default' };
const KIND_COLOR: Record<SupportKind, string> = {
  listing_subsidy: '#1d4ed8',
  scenario_project: '#0e7490',
  innovation_voucher: '#16a34a',
  first_set: '#d97706',
  team_reward: '#7c3aed',
};
const wan = (v: number | null | undefined) => (v == null ? undefined : Math.round(v * FEN_PER_WAN));
const wanRule = (t: Parameters<typeof zodRule>[1]) => convertedRule<number>(PositiveMoneyFenSchema, t, (v) => Math.round(v * FEN_PER_WAN));
const dateRule = (t: Parameters<typeof zodRule>[1]) => convertedRule<Dayjs>(IsoDateSchema, t, isoOf);

/** Listing subsidies and consulting, the plan's other support with its caps, totals, and the configured subsidy schedule. */
export function SupportPage() {
  const { t } = useTranslation('plan');
  const actor = useSession().data;
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const asOf = search.asOf ?? todayIso();
  const [applying, setApplying] = useState(false);
  const [consulting, setConsulting] = useState(false);
  const manager = actor?.role === 'manager';
  return (
    <Page
      title={t('support.title')}
      subtitle={t('support.sub')}
      extra={
        <Space>
          <AsOfPicker value={asOf} onChange={(d) => void navigate({ search: { asOf: d } })} />
          {manager ? (
            <>
              <Button onClick={() => setConsulting(true)} data-testid="consulting-add">
                {t('support.addConsulting')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setApplying(true)} data-testid="support-apply">
                {t('support.apply')}
              </Button>
            </>
          ) : null}
        </Space>
      }
    >
      <Tabs
        items={[
          { key: 'records', label: t('support.records'), children: <Records asOf={asOf} /> },
          { key: 'totals', label: t('support.totals'), children: <Totals asOf={asOf} /> },
          { key: 'consulting', label: t('support.consulting'), children: <Consulting asOf={asOf} /> },
          { key: 'schedule', label: t('support.schedule'), children: <Schedule /> },
        ]}
      />
      <ApplyModal open={applying} onClose={() => setApplying(false)} />
      <ConsultingModal open={consulting} onClose={() => setConsulting(false)} />
    </Page>
  );
}

function useInvalidate() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries(trpc.support.pathFilter()), qc.invalidateQueries(trpc.listing.pathFilter())]);
}

function Records(props: { asOf: string }) {
  const { t } = useTranslation('plan');
  const f = useFormat();
  const labels = useLabels();
  const trpc = useTRPC();
  const actor = useSession().data;
  const [kind, setKind] = useState<SupportKind | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const q = useQuery(trpc.support.list.queryOptions({ asOf: props.asOf, kind, status: status as 'paid' | undefined }));
  const [deciding, setDeciding] = useState<Item | null>(null);
  const [paying, setPaying] = useState<Item | null>(null);
  const unit = f.tableUnit();
  const money = (v: number | null) => (v === null ? '—' : <span className="num">{f.moneyCell(v, unit)}</span>);
  const manager = actor?.role === 'manager';
  const actions = manager
    ? [
        {
          title: t('common:actions'),
          key: 'a',
          render: (_: unknown, r: Item) =>
            r.status === 'applied' ? (
              <Button size="small" onClick={() => setDeciding(r)} data-testid={`decide-${r.id}`}>
                {t('support.decide')}
              </Button>
            ) : r.status === 'approved' ? (
              <Button size="small" onClick={() => setPaying(r)} data-testid={`pay-${r.id}`}>
                {t('support.pay')}
              </Button>
            ) : null,
        },
      ]
    : [];
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <Select
            allowClear
            style={{ width: 240 }}
            placeholder={t('support.allKinds')}
            value={kind}
            onChange={setKind}
            options={SUPPORT_KIND_CODES.map((k) => ({ value: k, label: labels.supportKind(k) }))}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('support.allStatuses')}
            value={status}
            onChange={setStatus}
            options={SUPPORT_STATUS_CODES.map((s) => ({ value: s, label: labels.supportStatus(s) }))}
          />
        </Space>
      }
      extra={<Typography.Text type="secondary">{t('common:unit', { unit: f.unitLabel(unit) })}</Typography.Text>}
    >
      <QueryState query={q}>
        {(d) => (
          <Table
            size="small"
            rowKey="id"
            dataSource={d.items}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            data-testid="support-table"
            expandable={{
              rowExpandable: (r) => !!r.recipients?.length || !!r.decisionNote,
              expandedRowRender: (r) => (
                <div style={{ fontSize: 13 }}>
                  {r.recipients?.map((p) => (
                    <Tag key={p.name}>
                      {p.name}
                      {p.role ? `（${p.role}）` : ''} {f.money(p.amountFen, { unit: 'wan' })}
                    </Tag>
                  ))}
                  {r.decisionNote ? <div style={{ marginTop: 6 }}>{r.decisionNote}</div> : null}
                </div>
              ),
            }}
            columns={[
              { title: t('firm'), key: 'n', render: (_: unknown, r: Item) => (f.locale === 'en' ? (r.nameEn ?? r.nameZh) : r.nameZh) },
              {
                title: t('support.kind'),
                dataIndex: 'kind',
                render: (k: SupportKind, r: Item) => (
                  <Space size={2} orientation="vertical">
                    <Tag color={KIND_COLOR[k]}>{labels.supportKind(k)}</Tag>
                    {r.firstSetKind ? <span style={{ fontSize: 12 }}>{labels.firstSet(r.firstSetKind)}</span> : null}
                    {r.milestone ? <span style={{ fontSize: 12 }}>{labels.event(r.milestone)}</span> : null}
                  </Space>
                ),
              },
              { title: t('support.item'), dataIndex: 'title', render: (v: string, r: Item) => <span title={r.reference ?? ''}>{v}</span> },
              { title: t('support.appliedOn'), dataIndex: 'appliedOn', render: (d: string) => <span className="num">{d}</span> },
              { title: t('support.applied'), dataIndex: 'appliedFen', align: 'right', render: money },
              {
                title: t('support.cap'),
                dataIndex: 'capFen',
                align: 'right',
                render: (v: number, r: Item) => (
                  <span title={t(`support.capRules.${r.capRule}`)} className="num">
                    {f.moneyCell(v, unit)}
                  </span>
                ),
              },
              { title: t('support.approved'), dataIndex: 'approvedFen', align: 'right', render: money },
              { title: t('support.paid'), dataIndex: 'paidFen', align: 'right', render: money },
              { title: t('support.status'), dataIndex: 'status', render: (s: string) => <Tag color={STATUS_COLOR[s]}>{labels.supportStatus(s)}</Tag> },
              ...actions,
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={5}>
                  <strong>{t('scoreboard.total')}</strong>（{d.totals.count}）
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {money(d.totals.appliedFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} />
                <Table.Summary.Cell index={3} align="right">
                  {money(d.totals.approvedFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {money(d.totals.paidFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} colSpan={manager ? 2 : 1} />
              </Table.Summary.Row>
            )}
          />
        )}
      </QueryState>
      <DecideModal item={deciding} onClose={() => setDeciding(null)} />
      <PayModal item={paying} onClose={() => setPaying(null)} />
    </Card>
  );
}

function Totals(props: { asOf: string }) {
  const { t } = useTranslation('plan');
  const f = useFormat();
  const labels = useLabels();
  const trpc = useTRPC();
  const [by, setBy] = useState<SupportTotalDimension>('zone');
  const q = useQuery(trpc.support.totals.queryOptions({ by, asOf: props.asOf }));
  const unit = f.tableUnit();
  const money = (v: number) => <span className="num">{f.moneyCell(v, unit)}</span>;
  const chart = useMemo<ChartOption | null>(() => {
    if (!q.data) return null;
    const rows = q.data.rows.slice(0, 15);
    const name = (r: (typeof rows)[number]) => (f.locale === 'en' ? r.labelEn : r.labelZh);
    return {
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${f.number(v, 2)} ${f.unitLabel(unit)}` },
      legend: { bottom: 0, itemWidth: 14, textStyle: { fontSize: 11 } },
      grid: { left: 180, right: 24, top: 8, bottom: 76 },
      xAxis: { type: 'value', axisLabel: { fontSize: 10 } },
      yAxis: { type: 'category', inverse: true, data: rows.map(name), axisLabel: { width: 170, overflow: 'truncate' } },
      series: SUPPORT_KIND_CODES.map((k) => ({
        name: labels.supportKind(k),
        type: 'bar',
        stack: 'paid',
        itemStyle: { color: KIND_COLOR[k] },
        data: rows.map((r) => f.moneyValue(r.paidByKind[k] ?? 0, unit)),
      })),
    };
  }, [q.data, f, labels, unit]);
  return (
    <Card
      size="small"
      title={
        <Segmented
          value={by}
          onChange={(v) => setBy(v as SupportTotalDimension)}
          data-testid="totals-by"
          options={[
            { value: 'company', label: t('support.byCompany') },
            { value: 'fund', label: t('support.byFund') },
            { value: 'zone', label: t('support.byZone') },
            { value: 'year', label: t('support.byYear') },
          ]}
        />
      }
      extra={<Typography.Text type="secondary">{t('common:unit', { unit: f.unitLabel(unit) })}</Typography.Text>}
    >
      <QueryState query={q}>
        {(d) => (
          <Row gutter={16}>
            <Col xs={24} xl={13}>
              {d.overlapping ? <Alert type="info" showIcon title={t('support.fundOverlap')} style={{ marginBottom: 8 }} /> : null}
              {d.by === 'year' ? <Alert type="info" showIcon title={t('support.yearNote')} style={{ marginBottom: 8 }} /> : null}
              <Table
                size="small"
                rowKey="key"
                dataSource={d.rows}
                pagination={{ pageSize: 15, showSizeChanger: false }}
                data-testid="totals-table"
                columns={[
                  { title: t('support.key'), key: 'k', render: (_: unknown, r) => (f.locale === 'en' ? r.labelEn : r.labelZh) },
                  { title: t('support.count'), dataIndex: 'count', align: 'right' },
                  { title: t('support.applied'), dataIndex: 'appliedFen', align: 'right', render: money },
                  { title: t('support.approved'), dataIndex: 'approvedFen', align: 'right', render: money },
                  { title: t('support.paid'), dataIndex: 'paidFen', align: 'right', render: money },
                  { title: t('support.sessions'), dataIndex: 'sessions', align: 'right' },
                ]}
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>
                      <strong>{t('scoreboard.total')}</strong>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={1} align="right">
                      {d.totals.count}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2} align="right">
                      {money(d.totals.appliedFen)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={3} align="right">
                      {money(d.totals.approvedFen)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={4} align="right">
                      {money(d.totals.paidFen)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={5} align="right">
                      {d.totals.sessions}
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                )}
              />
            </Col>
            <Col xs={24} xl={11}>
              <Typography.Text strong>{t('support.chart')}</Typography.Text>
              {chart ? <Chart option={chart} height={Math.max(280, Math.min(15, d.rows.length) * 26 + 80)} testId="totals-chart" /> : null}
            </Col>
          </Row>
        )}
      </QueryState>
    </Card>
  );
}

function Consulting(props: { asOf: string }) {
  const { t } = useTranslation('plan');
  const f = useFormat();
  const trpc = useTRPC();
  const q = useQuery(trpc.support.consulting.queryOptions({ asOf: props.asOf }));
  return (
    <Card size="small">
      <QueryState query={q}>
        {(d) => (
          <Table
            size="small"
            rowKey="id"
            dataSource={d}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            data-testid="consulting-table"
            columns={[
              { title: t('date'), dataIndex: 'date' },
              { title: t('firm'), key: 'n', render: (_: unknown, r) => (f.locale === 'en' ? (r.nameEn ?? r.nameZh) : r.nameZh) },
              { title: t('support.provider'), dataIndex: 'provider' },
              { title: t('support.topic'), dataIndex: 'topic' },
              { title: t('support.hours'), dataIndex: 'hours', align: 'right', render: (h: number | null) => (h === null ? '—' : f.number(h, 1)) },
              { title: t('note'), dataIndex: 'note', render: (n: string | null) => n ?? '' },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}

function Schedule() {
  const { t } = useTranslation('plan');
  const f = useFormat();
  const labels = useLabels();
  const trpc = useTRPC();
  const actor = useSession().data;
  const qc = useQueryClient();
  const q = useQuery(trpc.support.schedule.queryOptions());
  const m = useMutation(trpc.support.setSchedule.mutationOptions());
  const [editing, setEditing] = useState(false);
  return (
    <Card
      size="small"
      extra={
        actor?.role === 'admin' ? (
          <Button onClick={() => setEditing(true)} data-testid="schedule-edit">
            {t('support.editSchedule')}
          </Button>
        ) : null
      }
    >
      <Alert type="info" showIcon title={t('support.scheduleHint')} style={{ marginBottom: 12 }} />
      <QueryState query={q}>
        {(d) => (
          <>
            <Table
              size="small"
              rowKey="milestone"
              pagination={false}
              dataSource={d}
              data-testid="schedule-table"
              columns={[
                { title: t('support.milestone'), dataIndex: 'milestone', render: labels.event },
                {
                  title: t('support.scheduleAmount'),
                  dataIndex: 'amountFen',
                  align: 'right',
                  render: (v: number) =>
                    v ? f.money(v, { unit: f.locale === 'en' ? 'm' : 'wan' }) : <Typography.Text type="secondary">{t('support.noSchedule')}</Typography.Text>,
                },
                { title: t('note'), dataIndex: 'note', render: (n: string | null) => n ?? '' },
                { title: t('support.updatedAt'), dataIndex: 'updatedAt', render: (v: string | null) => f.instant(v) },
                { title: t('support.updatedBy'), dataIndex: 'updatedBy', render: (v: string | null) => v ?? '—' },
              ]}
            />
            <FormModal<{ entries: Array<{ milestone: string; amount: number | null; note?: string }> }>
              title={t('support.editSchedule')}
              open={editing}
              onClose={() => setEditing(false)}
              testId="schedule-form"
              names={['entries']}
              width={640}
              initialValues={{ entries: d.map((r) => ({ milestone: r.milestone, amount: r.amountFen / FEN_PER_WAN, note: r.note ?? undefined })) }}
              submit={async (v) => {
                await m.mutateAsync({
                  entries: v.entries.map((e) => ({
                    milestone: e.milestone as (typeof LISTING_STAGE_CODES)[number],
                    amountFen: wan(e.amount ?? 0) ?? 0,
                    note: e.note,
                  })),
                });
                await qc.invalidateQueries(trpc.support.pathFilter());
              }}
            >
              <Form.List name="entries">
                {(fields) =>
                  fields.map((field, i) => (
                    <Row key={field.key} gutter={8} align="middle">
                      <Col span={6}>{labels.event(d[i]?.milestone ?? '')}</Col>
                      <Col span={7}>
                        <Form.Item name={[field.name, 'amount']} style={{ marginBottom: 8 }}>
                          <InputNumber min={0} style={{ width: '100%' }} suffix={t('unitWan')} />
                        </Form.Item>
                      </Col>
                      <Col span={11}>
                        <Form.Item name={[field.name, 'note']} style={{ marginBottom: 8 }}>
                          <Input placeholder={t('note')} />
                        </Form.Item>
                      </Col>
                    </Row>
                  ))
                }
              </Form.List>
            </FormModal>
          </>
        )}
      </QueryState>
    </Card>
  );
}

type ApplyValues = {
  kind: SupportKind;
  companyId: number;
  title: string;
  appliedOn: Dayjs;
  applied?: number;
  basis?: number;
  firstSetKind?: string;
  reference?: string;
  listingAttemptId?: number;
  milestone?: string;
  recipients?: Array<{ name: string; role?: string; amount: number }>;
};

function ApplyModal(props: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('plan');
  const labels = useLabels();
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const m = useMutation(trpc.support.create.mutationOptions());
  const schedule = useQuery(trpc.support.schedule.queryOptions());
  const board = useQuery(trpc.listing.board.queryOptions({}));
  return (
    <FormModal<ApplyValues>
      title={t('support.apply')}
      open={props.open}
      onClose={props.onClose}
      testId="support-form"
      width={680}
      names={['kind', 'companyId', 'title', 'appliedOn', 'appliedFen', 'basisFen', 'firstSetKind', 'reference', 'listingAttemptId', 'milestone', 'recipients']}
      initialValues={{ kind: 'scenario_project', appliedOn: dayjs(todayIso()) }}
      submit={async (v) => {
        const base = { companyId: v.companyId, title: v.title, appliedOn: isoOf(v.appliedOn) ?? '', reference: v.reference };
        const recipients = (v.recipients ?? []).map((p) => ({ name: p.name, role: p.role, amountFen: wan(p.amount) ?? 0 }));
        const appliedFen = v.kind === 'team_reward' ? recipients.reduce((a, p) => a + p.amountFen, 0) : (wan(v.applied) ?? 0);
        const basisFen = wan(v.basis) ?? 0;
        const input =
          v.kind === 'team_reward'
            ? { kind: v.kind, ...base, appliedFen, recipients }
            : v.kind === 'listing_subsidy'
              ? { kind: v.kind, ...base, appliedFen, listingAttemptId: v.listingAttemptId ?? 0, milestone: v.milestone as (typeof LISTING_STAGE_CODES)[number] }
              : v.kind === 'first_set'
                ? { kind: v.kind, ...base, appliedFen, basisFen, firstSetKind: v.firstSetKind as (typeof FIRST_SET_KIND_CODES)[number] }
                : { kind: v.kind, ...base, appliedFen, basisFen };
        await m.mutateAsync(input);
        await invalidate();
      }}
    >
      {(form) => (
        <>
          <Form.Item name="kind" label={t('support.kind')}>
            <Radio.Group optionType="button" options={SUPPORT_KIND_CODES.map((k) => ({ value: k, label: labels.supportKind(k) }))} data-testid="support-kind" />
          </Form.Item>
          <Row gutter={12}>
            <Col span={14}>
              <Form.Item name="companyId" label={t('firm')} rules={[{ required: true, message: t('validation:required') }]}>
                <FirmSelect testId="support-firm" />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="appliedOn" label={t('support.appliedOn')} rules={[dateRule(t)]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="title" label={t('support.titleField')} rules={[{ required: true, message: t('validation:required') }]}>
            <Input data-testid="support-title" />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() => <KindFields values={form.getFieldsValue(true) as ApplyValues} schedule={schedule.data ?? []} attempts={board.data?.attempts ?? []} />}
          </Form.Item>
          <Form.Item name="reference" label={t('support.reference')}>
            <Input />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

/** The fields each kind needs, and the cap its rule gives — worked out as the user types, by the same function the server uses. */
function KindFields(props: {
  values: ApplyValues;
  schedule: Array<{ milestone: string; amountFen: number }>;
  attempts: Array<{ id: number; companyId: number; nameZh: string; attemptNo: number; timeline: { stages: Array<{ stage: string }> } }>;
}) {
  const { t } = useTranslation('plan');
  const f = useFormat();
  const labels = useLabels();
  const v = props.values;
  const cap = (() => {
    try {
      return supportCap({
        kind: v.kind,
        basisFen: wan(v.basis) ?? null,
        recipients: (v.recipients ?? []).filter(Boolean).map((p) => ({ amountFen: wan(p?.amount) ?? 0 })),
        milestone: (v.milestone as (typeof LISTING_STAGE_CODES)[number] | undefined) ?? null,
        scheduleFen: props.schedule.find((s) => s.milestone === v.milestone)?.amountFen ?? null,
      });
    } catch {
      return null;
    }
  })();
  const basisLabel =
    v.kind === 'scenario_project' ? t('support.basisScenario') : v.kind === 'innovation_voucher' ? t('support.basisVoucher') : t('support.basisFirstSet');
  const attempts = props.attempts.filter((a) => a.companyId === v.companyId);
  return (
    <>
      {v.kind === 'first_set' ? (
        <Form.Item name="firstSetKind" label={t('support.firstSetKind')} rules={[{ required: true, message: t('validation:required') }]}>
          <Radio.Group options={FIRST_SET_KIND_CODES.map((k) => ({ value: k, label: labels.firstSet(k) }))} />
        </Form.Item>
      ) : null}
      {v.kind === 'scenario_project' || v.kind === 'innovation_voucher' || v.kind === 'first_set' ? (
        <Form.Item name="basis" label={`${basisLabel}（${t('unitWan')}）`} rules={[wanRule(t)]}>
          <InputNumber style={{ width: '100%' }} min={0} data-testid="support-basis" />
        </Form.Item>
      ) : null}
      {v.kind === 'listing_subsidy' ? (
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item name="listingAttemptId" label={t('support.attempt')} rules={[{ required: true, message: t('validation:required') }]}>
              <Select options={attempts.map((a) => ({ value: a.id, label: `${a.nameZh} · ${t('listings.attempt', { n: a.attemptNo })}` }))} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="milestone" label={t('support.milestone')} rules={[{ required: true, message: t('validation:required') }]}>
              <Select options={props.schedule.filter((s) => s.amountFen > 0).map((s) => ({ value: s.milestone, label: labels.event(s.milestone) }))} />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
      {v.kind === 'team_reward' ? (
        <Form.List name="recipients" initialValue={[{ name: '', amount: undefined }]}>
          {(fields, { add, remove }) => (
            <>
              <Typography.Text>{t('support.recipients')}</Typography.Text>
              {fields.map((field) => (
                <Row key={field.key} gutter={8} align="top" style={{ marginTop: 8 }}>
                  <Col span={8}>
                    <Form.Item name={[field.name, 'name']} rules={[{ required: true, message: t('validation:required') }]} style={{ marginBottom: 0 }}>
                      <Input placeholder={t('support.person')} />
                    </Form.Item>
                  </Col>
                  <Col span={7}>
                    <Form.Item name={[field.name, 'role']} style={{ marginBottom: 0 }}>
                      <Input placeholder={t('support.role')} />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item name={[field.name, 'amount']} rules={[wanRule(t)]} style={{ marginBottom: 0 }}>
                      <InputNumber style={{ width: '100%' }} min={0} placeholder={t('support.amount')} suffix={t('unitWan')} />
                    </Form.Item>
                  </Col>
                  <Col span={1}>
                    <MinusCircleOutlined onClick={() => remove(field.name)} style={{ marginTop: 8 }} />
                  </Col>
                </Row>
              ))}
              <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />} style={{ marginTop: 8, marginBottom: 12 }}>
                {t('support.addPerson')}
              </Button>
            </>
          )}
        </Form.List>
      ) : (
        <Form.Item
          name="applied"
          label={`${t('support.applied')}（${t('unitWan')}）`}
          rules={[
            wanRule(t),
            {
              validator: async (_r, v: number | null) => {
                if (cap && v != null && (wan(v) ?? 0) > cap.capFen)
                  throw new Error(t('validation:aboveCap', { capText: f.money(cap.capFen, { unit: f.locale === 'en' ? 'm' : 'wan' }) }));
              },
            },
          ]}
        >
          <InputNumber style={{ width: '100%' }} min={0} data-testid="support-applied" />
        </Form.Item>
      )}
      {cap ? (
        <Alert
          type="info"
          showIcon
          data-testid="support-cap"
          style={{ marginBottom: 12 }}
          title={t('support.capNow', { cap: f.money(cap.capFen, { unit: f.locale === 'en' ? 'm' : 'wan' }), rule: t(`support.capRules.${cap.rule}`) })}
        />
      ) : null}
    </>
  );
}

function DecideModal(props: { item: Item | null; onClose: () => void }) {
  const { t } = useTranslation('plan');
  const f = useFormat();
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const m = useMutation(trpc.support.decide.mutationOptions());
  const r = props.item;
  return (
    <FormModal<{ decision: 'approved' | 'rejected'; date: Dayjs; approved?: number; note?: string }>
      title={r ? `${t('support.decide')} · ${r.nameZh} · ${r.title}` : ''}
      open={r !== null}
      onClose={props.onClose}
      testId="decide-form"
      names={['decision', 'date', 'approvedFen', 'note']}
      initialValues={r ? { decision: 'approved', date: dayjs(todayIso()), approved: r.appliedFen / FEN_PER_WAN } : {}}
      extra={
        r ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('support.capNow', { cap: f.money(r.capFen, { unit: f.locale === 'en' ? 'm' : 'wan' }), rule: t(`support.capRules.${r.capRule}`) })}
          />
        ) : null
      }
      submit={async (v) => {
        if (!r) return;
        await m.mutateAsync({
          id: r.id,
          decision: v.decision,
          date: isoOf(v.date) ?? '',
          approvedFen: v.decision === 'approved' ? wan(v.approved) : undefined,
          note: v.note,
        });
        await invalidate();
      }}
    >
      <Form.Item name="decision" label={t('support.decision')}>
        <Radio.Group
          options={[
            { value: 'approved', label: t('support.approve') },
            { value: 'rejected', label: t('support.reject') },
          ]}
        />
      </Form.Item>
      <Form.Item name="date" label={t('support.decisionDate')} rules={[dateRule(t)]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="approved" label={`${t('support.approved')}（${t('unitWan')}）`}>
        <InputNumber style={{ width: '100%' }} min={0} />
      </Form.Item>
      <Form.Item name="note" label={t('support.decisionNote')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}

function PayModal(props: { item: Item | null; onClose: () => void }) {
  const { t } = useTranslation('plan');
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const m = useMutation(trpc.support.pay.mutationOptions());
  const r = props.item;
  return (
    <FormModal<{ date: Dayjs; paid: number }>
      title={r ? `${t('support.pay')} · ${r.nameZh} · ${r.title}` : ''}
      open={r !== null}
      onClose={props.onClose}
      testId="pay-form"
      names={['date', 'paidFen']}
      initialValues={r ? { date: dayjs(todayIso()), paid: (r.approvedFen ?? 0) / FEN_PER_WAN } : {}}
      submit={async (v) => {
        if (!r) return;
        await m.mutateAsync({ id: r.id, date: isoOf(v.date) ?? '', paidFen: wan(v.paid) ?? 0 });
        await invalidate();
      }}
    >
      <Form.Item name="date" label={t('support.paidOn')} rules={[dateRule(t)]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="paid" label={`${t('support.paid')}（${t('unitWan')}）`} rules={[wanRule(t)]}>
        <InputNumber style={{ width: '100%' }} min={0} />
      </Form.Item>
    </FormModal>
  );
}

function ConsultingModal(props: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('plan');
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const m = useMutation(trpc.support.addConsulting.mutationOptions());
  const board = useQuery(trpc.listing.board.queryOptions({}));
  const s = ConsultingCreateSchema.shape;
  return (
    <FormModal<{ companyId: number; listingAttemptId?: number; date: Dayjs; provider: string; topic: string; hours?: number; note?: string }>
      title={t('support.addConsulting')}
      open={props.open}
      onClose={props.onClose}
      testId="consulting-form"
      names={['companyId', 'listingAttemptId', 'date', 'provider', 'topic', 'hours', 'note']}
      initialValues={{ date: dayjs(todayIso()) }}
      submit={async (v) => {
        await m.mutateAsync({ ...v, date: isoOf(v.date) ?? '', listingAttemptId: v.listingAttemptId ?? null });
        await invalidate();
      }}
    >
      {(form) => (
        <>
          <Form.Item name="companyId" label={t('firm')} rules={[zodRule(s.companyId, t)]}>
            <FirmSelect onChange={(id) => form.setFieldsValue({ companyId: id, listingAttemptId: undefined })} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() => (
              <Form.Item name="listingAttemptId" label={t('support.attempt')}>
                <Select
                  allowClear
                  options={(board.data?.attempts ?? [])
                    .filter((a) => a.companyId === form.getFieldValue('companyId'))
                    .map((a) => ({ value: a.id, label: `${a.nameZh} · ${t('listings.attempt', { n: a.attemptNo })}` }))}
                />
              </Form.Item>
            )}
          </Form.Item>
          <Form.Item name="date" label={t('date')} rules={[dateRule(t)]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="provider" label={t('support.provider')} rules={[zodRule(s.provider, t)]}>
            <Input />
          </Form.Item>
          <Form.Item name="topic" label={t('support.topic')} rules={[zodRule(s.topic, t)]}>
            <Input />
          </Form.Item>
          <Form.Item name="hours" label={t('support.hours')}>
            <InputNumber min={0.5} max={100} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label={t('note')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
