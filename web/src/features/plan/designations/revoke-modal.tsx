import { DesignationRevokeSchema } from '@highland/shared';
import { useMutation } from '@tanstack/react-query';
import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../components/ui/as-of-picker.js';
import { FormModal } from '../../../components/ui/form-modal.js';
import { useTRPC } from '../../../lib/trpc.js';
import { zodRule } from '../../../lib/validation.js';
import { isoOf } from '../kit.js';
import { type Item, useInvalidate, dateRule } from './designations-kit.js';

export function RevokeModal(props: { item: Item | null; onClose: () => void }) {
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
