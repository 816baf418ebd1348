import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  FEN_PER_YI,
  IsoDateSchema,
  ProgrammeCreateSchema,
  ProgrammeTargetSetSchema,
  TARGET_METRIC_CODES,
  TARGET_METRICS,
  type TargetMetric,
} from '@highland/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { Button, Card, Col, DatePicker, Empty, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/ui/form-modal.js';
import { Page } from '../../components/ui/page.js';
import { QueryState } from '../../components/ui/query-state.js';
import { type AppRouter, useTRPC } from '../../lib/trpc.js';
import { zodRule } from '../../lib/validation.js';
import { convertedRule, isoOf, useLabels, useMetricValue } from './kit.js';

type Programme = inferRouterOutputs<AppRouter>['programme']['list'][number];
type ProgrammeValues = { code: string; nameZh: string; nameEn: string; startDate: Dayjs; endDate: Dayjs };
const dateRule = (t: Parameters<typeof zodRule>[1]) => convertedRule<Dayjs>(IsoDateSchema, t, isoOf);
/** A target typed in 亿元 for money metrics, as a count otherwise. */
const toTarget = (metric: TargetMetric, v: number) => (TARGET_METRICS[metric].unit === 'fen' ? Math.round(v * FEN_PER_YI) : Math.round(v));

/** Administrators keep the programmes (the action plan and later ones) and their targets; every change is audited. */
export function ProgrammesPage() {
  const { t } = useTranslation('plan');
  const trpc = useTRPC();
  const q = useQuery(trpc.programme.list.queryOptions());
  const [editing, setEditing] = useState<Programme | 'new' | null>(null);
  const [targetOf, setTargetOf] = useState<{ p: Programme; metric?: TargetMetric } | null>(null);
  return (
    <Page
      title={t('programmes.title')}
      subtitle={t('programmes.sub')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="programme-create">
          {t('programmes.create')}
        </Button>
      }
    >
      <QueryState query={q} isEmpty={(d) => d.length === 0}>
        {(list) => (
          <Row gutter={[16, 16]}>
            {list.map((p) => (
              <Col key={p.id} span={24}>
                <ProgrammeCard p={p} onEdit={() => setEditing(p)} onTarget={(metric) => setTargetOf({ p, metric })} />
              </Col>
            ))}
          </Row>
        )}
      </QueryState>
      <ProgrammeModal programme={editing} onClose={() => setEditing(null)} />
      <TargetModal of={targetOf} onClose={() => setTargetOf(null)} />
    </Page>
  );
}

function ProgrammeCard(props: { p: Programme; onEdit: () => void; onTarget: (metric?: TargetMetric) => void }) {
  const { t } = useTranslation('plan');
  const labels = useLabels();
  const value = useMetricValue();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const remove = useMutation(trpc.programme.removeTarget.mutationOptions({ onSuccess: () => qc.invalidateQueries(trpc.programme.pathFilter()) }));
  const p = props.p;
  return (
    <Card
      size="small"
      data-testid={`programme-${p.code}`}
      title={
        <Space orientation="vertical" size={0}>
          <span>
            {p.code} · {p.nameZh}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.nameEn} · {p.startDate} – {p.endDate}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space>
          <Button size="small" icon={<EditOutlined />} onClick={props.onEdit}>
            {t('programmes.edit')}
          </Button>
          <Button size="small" type="primary" onClick={() => props.onTarget()} data-testid={`set-target-${p.code}`}>
            {t('programmes.setTarget')}
          </Button>
        </Space>
      }
    >
      {p.targets.length ? (
        <Table
          size="small"
          rowKey="metric"
          pagination={false}
          dataSource={p.targets}
          columns={[
            {
              title: t('programmes.metric'),
              dataIndex: 'metric',
              width: 180,
              render: (m: string) => <span style={{ whiteSpace: 'nowrap' }}>{labels.metric(m)}</span>,
            },
            {
              title: t('programmes.targetValue'),
              dataIndex: 'targetValue',
              align: 'right',
              render: (v: number, r) => <span className="num">{value(r.metric, v)}</span>,
            },
            {
              title: t('programmes.targetNote'),
              dataIndex: 'note',
              render: (n: string | null) => <Typography.Text type="secondary">{n ?? ''}</Typography.Text>,
            },
            {
              title: t('common:actions'),
              key: 'a',
              render: (_: unknown, r) => (
                <Space size={4}>
                  <Button size="small" type="link" onClick={() => props.onTarget(r.metric)}>
                    {t('common:edit')}
                  </Button>
                  <Popconfirm title={t('programmes.removeConfirm')} onConfirm={() => remove.mutate({ programmeId: p.id, metric: r.metric })}>
                    <Button size="small" type="link" danger>
                      {t('programmes.remove')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      ) : (
        <Empty description={t('programmes.noTargets')} />
      )}
    </Card>
  );
}

function ProgrammeModal(props: { programme: Programme | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation('plan');
  const trpc = useTRPC();
  const qc = useQueryClient();
  const create = useMutation(trpc.programme.create.mutationOptions());
  const update = useMutation(trpc.programme.update.mutationOptions());
  const p = props.programme;
  const s = ProgrammeCreateSchema.shape;
  return (
    <FormModal<ProgrammeValues>
      title={p === 'new' ? t('programmes.create') : t('programmes.edit')}
      open={p !== null}
      onClose={props.onClose}
      testId="programme-form"
      names={['code', 'nameZh', 'nameEn', 'startDate', 'endDate']}
      initialValues={
        p && p !== 'new' ? { code: p.code, nameZh: p.nameZh, nameEn: p.nameEn, startDate: dayjs(p.startDate), endDate: dayjs(p.endDate) } : undefined
      }
      submit={async (v) => {
        const input = { code: v.code, nameZh: v.nameZh, nameEn: v.nameEn, startDate: isoOf(v.startDate) ?? '', endDate: isoOf(v.endDate) ?? '' };
        if (p === 'new') await create.mutateAsync(input);
        else if (p) await update.mutateAsync({ id: p.id, ...input });
        await qc.invalidateQueries(trpc.programme.pathFilter());
        await qc.invalidateQueries(trpc.scoreboard.pathFilter());
      }}
    >
      <Form.Item name="code" label={t('programmes.code')} rules={[zodRule(s.code, t)]}>
        <Input placeholder="SH-AI-2027" data-testid="programme-code" />
      </Form.Item>
      <Form.Item name="nameZh" label={t('programmes.nameZh')} rules={[zodRule(s.nameZh, t)]}>
        <Input />
      </Form.Item>
      <Form.Item name="nameEn" label={t('programmes.nameEn')} rules={[zodRule(s.nameEn, t)]}>
        <Input />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="startDate" label={t('programmes.startDate')} rules={[dateRule(t)]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="endDate" label={t('programmes.endDate')} rules={[dateRule(t)]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}

function TargetModal(props: { of: { p: Programme; metric?: TargetMetric } | null; onClose: () => void }) {
  const { t } = useTranslation('plan');
  const labels = useLabels();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const m = useMutation(trpc.programme.setTarget.mutationOptions());
  const of = props.of;
  const existing = of?.metric ? of.p.targets.find((x) => x.metric === of.metric) : undefined;
  return (
    <FormModal<{ metric: TargetMetric; value: number; note?: string }>
      title={of ? `${t('programmes.setTarget')} · ${of.p.code}` : ''}
      open={of !== null}
      onClose={props.onClose}
      testId="target-form"
      names={['metric', 'targetValue', 'note']}
      initialValues={
        existing
          ? {
              metric: existing.metric,
              value: TARGET_METRICS[existing.metric].unit === 'fen' ? existing.targetValue / FEN_PER_YI : existing.targetValue,
              note: existing.note ?? undefined,
            }
          : { metric: of?.metric }
      }
      submit={async (v) => {
        if (!of) return;
        await m.mutateAsync({ programmeId: of.p.id, metric: v.metric, targetValue: toTarget(v.metric, v.value), note: v.note });
        await qc.invalidateQueries(trpc.programme.pathFilter());
        await qc.invalidateQueries(trpc.scoreboard.pathFilter());
      }}
    >
      {(form) => (
        <>
          <Form.Item name="metric" label={t('programmes.metric')} rules={[zodRule(ProgrammeTargetSetSchema.shape.metric, t)]}>
            <Select options={TARGET_METRIC_CODES.map((x) => ({ value: x, label: labels.metric(x) }))} data-testid="target-metric" />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() => {
              const metric = form.getFieldValue('metric') as TargetMetric | undefined;
              const money = metric ? TARGET_METRICS[metric].unit === 'fen' : false;
              return (
                <Form.Item
                  name="value"
                  label={`${t('programmes.targetValue')}（${money ? t('unitYi') : t('unitFirms')}）`}
                  rules={[convertedRule<number>(ProgrammeTargetSetSchema.shape.targetValue, t, (v) => (metric ? toTarget(metric, v) : v))]}
                >
                  <InputNumber style={{ width: '100%' }} min={0} data-testid="target-value" />
                </Form.Item>
              );
            }}
          </Form.Item>
          <Form.Item name="note" label={t('programmes.targetNote')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
