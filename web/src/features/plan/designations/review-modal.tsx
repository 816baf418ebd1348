import { DesignationReviewSchema } from '@highland/shared';
import { useMutation } from '@tanstack/react-query';
import { DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../components/ui/as-of-picker.js';
import { FormModal } from '../../../components/ui/form-modal.js';
import { useTRPC } from '../../../lib/trpc.js';
import { zodRule } from '../../../lib/validation.js';
import { isoOf } from '../kit.js';
import { type Item, useInvalidate, dateRule } from './designations-kit.js';

export function ReviewModal(props: { item: Item | null; onClose: () => void }) {
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
