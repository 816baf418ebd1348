import { COMMITTEE_OUTCOME_CODES, IsoDateSchema, type ListingEventKind, ListingUndoSchema } from '@highland/shared';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, Input, Popconfirm, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../components/ui/as-of-picker.js';
import { errorMessage } from '../../../lib/errors.js';
import { useTRPC } from '../../../lib/trpc.js';
import { convertedRule, isoOf, useLabels } from '../kit.js';
import { type Detail, useInvalidate } from './listings-kit.js';

export function RecordForm(props: { d: Detail }) {
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
              if (!parsed.success) return setError(t('common:fieldIssue', { field: t('listings.undoReason'), issue: t('validation:reasonRequired') }));
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
