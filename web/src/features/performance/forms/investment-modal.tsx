import { INSTRUMENT_CODES, INSTRUMENTS, InvestmentCreateSchema, ROUND_CODES, ROUNDS } from '@highland/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/ui/form-modal.js';
import { IsoDatePicker, isoDateItem, MoneyInput } from '../../../components/ui/money-input.js';
import { todayIso } from '../../../lib/business-date.js';
import { useTRPC } from '../../../lib/trpc.js';
import { zodRule } from '../../../lib/validation.js';
import { Labelled, percentRule, useInvalidate } from './kit.js';

type InvestmentValues = {
  companyId: number;
  date: string;
  round: (typeof ROUND_CODES)[number];
  instrument: (typeof INSTRUMENT_CODES)[number];
  amountFen: number;
  equityShare: number;
  roundSizeFen?: number | null;
  postMoneyFen?: number | null;
  coInvestors?: string[];
  memo?: string;
};

/** A new round: a first investment in a company (pick it) or a follow-on (the company given). */
export function InvestmentModal(props: { open: boolean; onClose: () => void; fundId: number; company?: { id: number; name: string } }) {
  const { t } = useTranslation('position');
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const [q, setQ] = useState('');
  const options = useQuery({ ...trpc.portfolio.companyOptions.queryOptions({ q }), enabled: props.open && !props.company });
  const create = useMutation(trpc.portfolio.createInvestment.mutationOptions());
  const s = InvestmentCreateSchema.shape;
  const required = { required: true, message: t('validation:required') };
  return (
    <FormModal<InvestmentValues>
      title={props.company ? `${t('followOn')} · ${props.company.name}` : t('performance:newInvestment')}
      open={props.open}
      onClose={props.onClose}
      testId="investment-form"
      names={['companyId', 'date', 'round', 'instrument', 'amountFen', 'equityShare', 'roundSizeFen', 'postMoneyFen', 'coInvestors', 'memo']}
      initialValues={{ companyId: props.company?.id, instrument: 'preferred_equity', date: todayIso() }}
      submit={async (v) => {
        await create.mutateAsync({
          fundId: props.fundId,
          companyId: v.companyId,
          date: v.date,
          round: v.round,
          instrument: v.instrument,
          amountFen: v.amountFen,
          equityShare: v.equityShare / 100,
          roundSizeFen: v.roundSizeFen ?? null,
          postMoneyFen: v.postMoneyFen ?? null,
          coInvestors: v.coInvestors ?? [],
          memo: v.memo,
        });
        await invalidate();
      }}
    >
      <Form.Item name="companyId" label={t('performance:company')} required rules={[required]} hidden={Boolean(props.company)}>
        <Select
          showSearch={{ filterOption: false, onSearch: setQ }}
          data-testid="investment-company"
          placeholder={t('performance:search')}
          loading={options.isFetching}
          options={(options.data ?? []).map((c) => ({ value: c.id, label: `${c.nameZh}${c.uscc ? ` · ${c.uscc}` : ''}` }))}
        />
      </Form.Item>
      <Space.Compact block>
        <Form.Item name="date" label={t('date')} required rules={[zodRule(s.date, t)]} style={{ width: '34%' }} {...isoDateItem}>
          <IsoDatePicker testId="investment-date" />
        </Form.Item>
        <Form.Item name="round" label={t('round')} required rules={[required]} style={{ width: '33%' }}>
          <Select data-testid="investment-round" options={ROUND_CODES.map((r) => ({ value: r, label: <Labelled item={ROUNDS[r]} /> }))} />
        </Form.Item>
        <Form.Item name="instrument" label={t('instrument')} required rules={[required]} style={{ width: '33%' }}>
          <Select options={INSTRUMENT_CODES.map((i) => ({ value: i, label: <Labelled item={INSTRUMENTS[i]} /> }))} />
        </Form.Item>
      </Space.Compact>
      <Space.Compact block>
        <Form.Item name="amountFen" label={t('amount')} required rules={[zodRule(s.amountFen, t)]} style={{ width: '50%' }}>
          <MoneyInput testId="investment-amount" />
        </Form.Item>
        <Form.Item name="equityShare" label={t('equityShare')} required rules={[percentRule(s.equityShare, t)]} style={{ width: '50%' }}>
          <InputNumber style={{ width: '100%' }} min={0} max={100} step={0.1} suffix="%" data-testid="investment-share" />
        </Form.Item>
      </Space.Compact>
      <Space.Compact block>
        <Form.Item name="roundSizeFen" label={t('roundSize')} style={{ width: '50%' }}>
          <MoneyInput />
        </Form.Item>
        <Form.Item name="postMoneyFen" label={t('postMoney')} style={{ width: '50%' }}>
          <MoneyInput />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="coInvestors" label={t('coInvestors')}>
        <Select mode="tags" tokenSeparators={[',', '，', '、']} />
      </Form.Item>
      <Form.Item name="memo" label={t('note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
