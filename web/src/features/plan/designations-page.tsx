import { PlusOutlined } from '@ant-design/icons';
import {
  DESIGNATION_CRITERION_CODES,
  DESIGNATION_LEVEL_CODES,
  DESIGNATION_STATUS_CODES,
  DesignationNominateSchema,
  DesignationReviewSchema,
  DesignationRevokeSchema,
  IsoDateSchema,
} from '@highland/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { inferRouterOutputs } from '@trpc/server';
import {
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Radio,
  Row,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Tooltip,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsOfPicker, todayIso } from '../../components/ui/as-of-picker.js';
import { FormModal } from '../../components/ui/form-modal.js';
import { Page } from '../../components/ui/page.js';
import { QueryState } from '../../components/ui/query-state.js';
import { Stat } from '../../components/ui/stat.js';
import { useFormat } from '../../lib/format.js';
import { useSession } from '../../lib/session.js';
import { type AppRouter, useTRPC } from '../../lib/trpc.js';
import { zodRule } from '../../lib/validation.js';
import { convertedRule, FirmSelect, isoOf, useLabels } from './kit.js';

const route = getRouteApi('/designations');
type Item = inferRouterOutputs<AppRouter>['designation']['list']['items'][number];
const STATUS_COLOR: Record<string, string> = { nominated: 'gold', approved: 'green', rejected: 'default', revoked: 'red' };
const LEVEL_COLOR: Record<string, string> = { leader: 'purple', benchmark: 'blue' };

/** Benchmark and leader firms: counts in force as of a date, nominations, reviews, revocations and history. */
export function DesignationsPage() {
  const { t } = useTranslation('plan');
  const f = useFormat();
  const labels = useLabels();
  const trpc = useTRPC();
  const actor = useSession().data;
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const asOf = search.asOf ?? todayIso();
  const [level, setLevel] = useState<string>('all');
  const [status, setStatus] = useState<string | undefined>(undefined);
  const q = useQuery(
    trpc.designation.list.queryOptions({
      asOf,
      level: level === 'all' ? undefined : (level as 'leader' | 'benchmark'),
      status: status as 'nominated' | undefined,
    }),
  );
  const [nominating, setNominating] = useState(false);
  const [reviewing, setReviewing] = useState<Item | null>(null);
  const [revoking, setRevoking] = useState<Item | null>(null);
  const isManager = actor?.role === 'manager';
  const reviewer = isManager && actor?.managesMotherFund;
  return (
    <Page
      title={t('designations.title')}
      subtitle={t('designations.sub')}
      extra={
        <Space>
          <AsOfPicker value={asOf} onChange={(d) => void navigate({ search: { asOf: d } })} />
          {isManager ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setNominating(true)} data-testid="nominate">
              {t('designations.nominate')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <QueryState query={q}>
        {(d) => (
          <>
            <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
              <Col xs={24} md={8}>
                <Stat testId="count-leader" label={t('designations.leaders')} value={f.number(d.counts.leader)} />
              </Col>
              <Col xs={24} md={8}>
                <Stat testId="count-benchmark" label={t('designations.benchmarks')} value={f.number(d.counts.benchmark)} />
              </Col>
              <Col xs={24} md={8}>
                <Stat testId="count-pending" label={t('designations.pending')} value={f.number(d.counts.pending)} />
              </Col>
            </Row>
            <Card
              size="small"
              title={
                <Space wrap>
                  <Segmented
                    value={level}
                    onChange={(v) => setLevel(String(v))}
                    options={[
                      { value: 'all', label: t('designations.allLevels') },
                      ...DESIGNATION_LEVEL_CODES.map((l) => ({ value: l, label: labels.level(l) })),
                    ]}
                  />
                  <Select
                    allowClear
                    style={{ width: 160 }}
                    placeholder={t('designations.allStatuses')}
                    value={status}
                    onChange={setStatus}
                    options={DESIGNATION_STATUS_CODES.map((s) => ({ value: s, label: labels.designationStatus(s) }))}
                    data-testid="status-filter"
                  />
                </Space>
              }
            >
              <Table
                size="small"
                rowKey="id"
                dataSource={d.items}
                pagination={{ pageSize: 20, showSizeChanger: false }}
                data-testid="designations-table"
                expandable={{ expandedRowRender: (r) => <Detail item={r} /> }}
                columns={[
                  { title: t('firm'), key: 'n', render: (_: unknown, r: Item) => (f.locale === 'en' ? (r.nameEn ?? r.nameZh) : r.nameZh) },
                  { title: t('designations.level'), dataIndex: 'level', render: (l: string) => <Tag color={LEVEL_COLOR[l]}>{labels.level(l)}</Tag> },
                  {
                    title: t('designations.status'),
                    dataIndex: 'status',
                    render: (s: string) => <Tag color={STATUS_COLOR[s]}>{labels.designationStatus(s)}</Tag>,
                  },
                  { title: t('sector'), dataIndex: 'sector', render: labels.sector },
                  { title: t('designations.nominatedOn'), dataIndex: 'nominatedOn' },
                  { title: t('designations.nominatedBy'), dataIndex: 'nominatedBy', render: (n: string | null) => n ?? t('designations.system') },
                  { title: t('designations.effectiveOn'), dataIndex: 'effectiveOn', render: (v: string | null) => v ?? '—' },
                  { title: t('designations.revokedOn'), dataIndex: 'revokedOn', render: (v: string | null) => v ?? '—' },
                  {
                    title: t('common:actions'),
                    key: 'a',
                    render: (_: unknown, r: Item) =>
                      reviewer ? (
                        <Space size={4}>
                          {r.status === 'nominated' ? (
                            r.nominatedById === actor?.userId ? (
                              <Tooltip title={t('designations.ownNomination')}>
                                <Button size="small" disabled>
                                  {t('designations.review')}
                                </Button>
                              </Tooltip>
                            ) : (
                              <Button size="small" type="primary" onClick={() => setReviewing(r)} data-testid={`review-${r.id}`}>
                                {t('designations.review')}
                              </Button>
                            )
                          ) : null}
                          {r.status === 'approved' ? (
                            <Button size="small" danger onClick={() => setRevoking(r)} data-testid={`revoke-${r.id}`}>
                              {t('designations.revoke')}
                            </Button>
                          ) : null}
                        </Space>
                      ) : null,
                  },
                ]}
              />
            </Card>
          </>
        )}
      </QueryState>
      <NominateModal open={nominating} onClose={() => setNominating(false)} />
      <ReviewModal item={reviewing} onClose={() => setReviewing(null)} />
      <RevokeModal item={revoking} onClose={() => setRevoking(null)} />
    </Page>
  );
}

function Detail(props: { item: Item }) {
  const { t } = useTranslation('plan');
  const f = useFormat();
  const labels = useLabels();
  const r = props.item;
  const facts = r.facts as Record<string, number | string | null> | null;
  const m = (k: string) => (typeof facts?.[k] === 'number' ? f.money(facts[k] as number) : '—');
  return (
    <Row gutter={24}>
      <Col xs={24} lg={14}>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('designations.criteria')}>
            {r.criteria.map((c) => (
              <Tag key={c}>{labels.criterion(c)}</Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('designations.evidence')}>{r.evidence}</Descriptions.Item>
          {facts ? (
            <Descriptions.Item label={t('designations.facts')}>
              {t('designations.kpiYear')} {facts.kpiYear ?? '—'} · {t('designations.revenue')} {m('revenueFen')} · {t('designations.output')}{' '}
              {m('outputValueFen')} · {t('designations.rnd')} {m('rndFen')} · {t('designations.patents')} {facts.patents ?? '—'} · {t('designations.headcount')}{' '}
              {facts.headcount ?? '—'}
            </Descriptions.Item>
          ) : null}
          {r.reviewNote ? <Descriptions.Item label={t('designations.reviewNote')}>{r.reviewNote}</Descriptions.Item> : null}
          {r.revokeReason ? <Descriptions.Item label={t('designations.reason')}>{r.revokeReason}</Descriptions.Item> : null}
        </Descriptions>
      </Col>
      <Col xs={24} lg={10}>
        <Typography.Text strong>{t('designations.history')}</Typography.Text>
        <Timeline
          style={{ marginTop: 12 }}
          items={r.history.map((h) => ({
            color: h.action === 'approved' ? 'green' : h.action === 'revoked' ? 'red' : h.action === 'rejected' ? 'gray' : 'blue',
            content: (
              <div>
                <strong>{h.date}</strong> {t(`designations.actions.${h.action}`)} · {h.by ?? t('designations.system')}
                {h.note ? <div style={{ color: '#667085' }}>{h.note}</div> : null}
              </div>
            ),
          }))}
        />
      </Col>
    </Row>
  );
}

function useInvalidate() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries(trpc.designation.pathFilter()), qc.invalidateQueries(trpc.scoreboard.pathFilter())]);
}

const dateRule = (t: Parameters<typeof zodRule>[1]) => convertedRule<Dayjs>(IsoDateSchema, t, isoOf);

function NominateModal(props: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('plan');
  const labels = useLabels();
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const m = useMutation(trpc.designation.nominate.mutationOptions());
  const [date, setDate] = useState(todayIso());
  const s = DesignationNominateSchema.shape;
  return (
    <FormModal<{ companyId: number; level: 'leader' | 'benchmark'; date: Dayjs; criteria: string[]; evidence: string }>
      title={t('designations.nominate')}
      open={props.open}
      onClose={props.onClose}
      testId="nominate-form"
      names={['companyId', 'level', 'date', 'criteria', 'evidence']}
      initialValues={{ level: 'benchmark', date: dayjs(date), criteria: ['focus_sector'] }}
      submit={async (v) => {
        await m.mutateAsync({ ...v, date: isoOf(v.date) ?? '', criteria: v.criteria as Parameters<typeof m.mutateAsync>[0]['criteria'] });
        await invalidate();
      }}
    >
      <Form.Item name="date" label={t('designations.nominatedOn')} rules={[dateRule(t)]}>
        <DatePicker style={{ width: '100%' }} onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))} data-testid="nominate-date" />
      </Form.Item>
      <Form.Item name="companyId" label={t('firm')} rules={[zodRule(s.companyId, t)]}>
        <FirmSelect date={date} portfolioOnly testId="nominate-firm" />
      </Form.Item>
      <Form.Item name="level" label={t('designations.level')} rules={[zodRule(s.level, t)]}>
        <Radio.Group options={DESIGNATION_LEVEL_CODES.map((l) => ({ value: l, label: labels.level(l) }))} />
      </Form.Item>
      <Form.Item name="criteria" label={t('designations.criteria')} rules={[zodRule(s.criteria, t)]}>
        <Checkbox.Group options={DESIGNATION_CRITERION_CODES.map((c) => ({ value: c, label: labels.criterion(c) }))} />
      </Form.Item>
      <Form.Item name="evidence" label={t('designations.evidence')} rules={[zodRule(s.evidence, t)]}>
        <Input.TextArea rows={4} data-testid="nominate-evidence" />
      </Form.Item>
    </FormModal>
  );
}

function ReviewModal(props: { item: Item | null; onClose: () => void }) {
  const { t } = useTranslation('plan');
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const m = useMutation(trpc.designation.review.mutationOptions());
  const r = props.item;
  return (
    <FormModal<{ decision: 'approved' | 'rejected'; date: Dayjs; note?: string }>
      title={r ? `${t('designations.review')} · ${r.nameZh}` : ''}
      open={r !== null}
      onClose={props.onClose}
      testId="review-form"
      names={['decision', 'date', 'note']}
      initialValues={{ decision: 'approved', date: dayjs(todayIso()) }}
      submit={async (v) => {
        if (!r) return;
        await m.mutateAsync({ id: r.id, decision: v.decision, date: isoOf(v.date) ?? '', note: v.note });
        await invalidate();
      }}
    >
      <Form.Item name="decision" label={t('designations.decision')}>
        <Radio.Group
          options={[
            { value: 'approved', label: t('designations.approve') },
            { value: 'rejected', label: t('designations.reject') },
          ]}
        />
      </Form.Item>
      <Form.Item name="date" label={t('designations.reviewDate')} rules={[dateRule(t)]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('designations.reviewNote')} rules={[zodRule(DesignationReviewSchema.shape.note, t)]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}

function RevokeModal(props: { item: Item | null; onClose: () => void }) {
  const { t } = useTranslation('plan');
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const m = useMutation(trpc.designation.revoke.mutationOptions());
  const r = props.item;
  return (
    <FormModal<{ date: Dayjs; reason: string }>
      title={r ? `${t('designations.revoke')} · ${r.nameZh}` : ''}
      open={r !== null}
      onClose={props.onClose}
      testId="revoke-form"
      names={['date', 'reason']}
      initialValues={{ date: dayjs(todayIso()) }}
      submit={async (v) => {
        if (!r) return;
        await m.mutateAsync({ id: r.id, date: isoOf(v.date) ?? '', reason: v.reason });
        await invalidate();
      }}
    >
      <Form.Item name="date" label={t('designations.revokeDate')} rules={[dateRule(t)]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="reason" label={t('designations.reason')} rules={[zodRule(DesignationRevokeSchema.shape.reason, t)]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}
