import { IsoDateSchema, LISTING_STANDARD_CODES, LISTING_STANDARDS, ListingOpenSchema, label } from '@highland/shared';
import { useMutation } from '@tanstack/react-query';
import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../components/ui/as-of-picker.js';
import { FormModal } from '../../../components/ui/form-modal.js';
import { useFormat } from '../../../lib/format.js';
import { useTRPC } from '../../../lib/trpc.js';
import { zodRule } from '../../../lib/validation.js';
import { convertedRule, FirmSelect, isoOf } from '../kit.js';
import { useInvalidate, yiRule, type AttemptFields, fenOf } from './listings-kit.js';

export function AttemptFieldsForm() {
  const { t } = useTranslation('plan');
  const f = useFormat();
  const s = ListingOpenSchema.shape;
  return (
    <>
      <Form.Item name="sponsor" label={t('listings.sponsor')} rules={[zodRule(s.sponsor, t)]}>
        <Input data-testid="listing-sponsor" />
      </Form.Item>
      <Form.Item name="listingStandard" label={t('listings.listingStandard')} rules={[zodRule(s.listingStandard, t)]}>
        <Select options={LISTING_STANDARD_CODES.map((n) => ({ value: n, label: label(LISTING_STANDARDS[n], f.locale) }))} data-testid="listing-standard" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            name="plannedRaise"
            label={t('common:withUnit', { label: t('listings.plannedRaise'), unit: t('unitYi') })}
            rules={[yiRule(s.plannedRaiseFen, t)]}
          >
            <InputNumber style={{ width: '100%' }} min={0} step={1} data-testid="listing-raise" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="expectedMarketValue" label={t('common:withUnit', { label: t('listings.expectedMarketValue'), unit: t('unitYi') })}>
            <InputNumber style={{ width: '100%' }} min={0} step={1} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

export function OpenModal(props: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('plan');
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const m = useMutation(trpc.listing.open.mutationOptions());
  const [date, setDate] = useState(todayIso());
  return (
    <FormModal<AttemptFields & { companyId: number; date: Dayjs; note?: string }>
      title={t('listings.open')}
      open={props.open}
      onClose={props.onClose}
      testId="listing-open-form"
      names={['companyId', 'date', 'sponsor', 'listingStandard', 'plannedRaiseFen', 'expectedMarketValueFen', 'note']}
      initialValues={{ date: dayjs(date), listingStandard: 1 }}
      submit={async (v) => {
        await m.mutateAsync({
          companyId: v.companyId,
          date: isoOf(v.date) ?? '',
          sponsor: v.sponsor,
          listingStandard: v.listingStandard,
          plannedRaiseFen: fenOf(v.plannedRaise) ?? 0,
          expectedMarketValueFen: fenOf(v.expectedMarketValue),
          note: v.note,
        });
        await invalidate();
      }}
    >
      <Form.Item name="date" label={t('listings.tutoringDate')} rules={[convertedRule<Dayjs>(IsoDateSchema, t, isoOf)]}>
        <DatePicker style={{ width: '100%' }} onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))} data-testid="listing-date" />
      </Form.Item>
      <Form.Item name="companyId" label={t('firm')} rules={[zodRule(ListingOpenSchema.shape.companyId, t)]}>
        <FirmSelect date={date} portfolioOnly testId="listing-firm" />
      </Form.Item>
      <AttemptFieldsForm />
    </FormModal>
  );
}
