import { DESIGNATION_CRITERION_CODES, DESIGNATION_LEVEL_CODES, DesignationNominateSchema } from '@highland/shared';
import { useMutation } from '@tanstack/react-query';
import { Checkbox, DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../components/ui/as-of-picker.js';
import { FormModal } from '../../../components/ui/form-modal.js';
import { useTRPC } from '../../../lib/trpc.js';
import { zodRule } from '../../../lib/validation.js';
import { FirmSelect, isoOf, useLabels } from '../kit.js';
import { useInvalidate, dateRule } from './designations-kit.js';

export function NominateModal(props: { open: boolean; onClose: () => void }) {
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
