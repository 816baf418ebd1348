import { ConsultingCreateSchema } from '@highland/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../components/ui/as-of-picker.js';
import { FormModal } from '../../../components/ui/form-modal.js';
import { useTRPC } from '../../../lib/trpc.js';
import { zodRule } from '../../../lib/validation.js';
import { FirmSelect, isoOf } from '../kit.js';
import { dateRule, useInvalidate } from './support-kit.js';

export function ConsultingModal(props: { open: boolean; onClose: () => void }) {
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
