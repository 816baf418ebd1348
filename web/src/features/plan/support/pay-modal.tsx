import { FEN_PER_WAN } from '@highland/shared';
import { useMutation } from '@tanstack/react-query';
import { DatePicker, Form, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../components/ui/as-of-picker.js';
import { FormModal } from '../../../components/ui/form-modal.js';
import { useTRPC } from '../../../lib/trpc.js';
import { isoOf } from '../kit.js';
import { type Item, wan, wanRule, dateRule, useInvalidate } from './support-kit.js';

export function PayModal(props: { item: Item | null; onClose: () => void }) {
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
      <Form.Item name="paid" label={t('common:withUnit', { label: t('support.paid'), unit: t('unitWan') })} rules={[wanRule(t)]}>
        <InputNumber style={{ width: '100%' }} min={0} />
      </Form.Item>
    </FormModal>
  );
}
