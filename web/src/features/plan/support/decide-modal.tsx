import { FEN_PER_WAN } from '@highland/shared';
import { useMutation } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, InputNumber, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../components/ui/as-of-picker.js';
import { FormModal } from '../../../components/ui/form-modal.js';
import { useFormat } from '../../../lib/format.js';
import { useTRPC } from '../../../lib/trpc.js';
import { isoOf } from '../kit.js';
import { type Item, wan, dateRule, useInvalidate } from './support-kit.js';

export function DecideModal(props: { item: Item | null; onClose: () => void }) {
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
      <Form.Item name="approved" label={t('common:withUnit', { label: t('support.approved'), unit: t('unitWan') })}>
        <InputNumber style={{ width: '100%' }} min={0} />
      </Form.Item>
      <Form.Item name="note" label={t('support.decisionNote')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
