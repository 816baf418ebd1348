import { PlusOutlined } from '@ant-design/icons';
import { ApplicationCreateSchema, DEAL_SOURCES, DealCreateSchema, ROUNDS, SECTORS } from '@highland/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.js';
import { useTRPC } from '../../lib/trpc.js';
import { applyServerErrors, zodRule } from '../../lib/validation.js';
import { CompanyFormModal } from './company-form.js';
import { FormModal, type FundOption, useLabels, WanInput, wanToFen } from './use-pipeline.js';

/** The deal fields as the create and edit forms hold them (amounts in 万元). */
export type DealFieldsForm = {
  ownerId?: number;
  source: string;
  round?: string;
  amountWan?: number;
  preMoneyWan?: number;
  nextStep?: string;
  nextStepDate?: dayjs.Dayjs | null;
};

type DealForm = DealFieldsForm & {
  companyId: number;
  stage: 'sourced' | 'screening' | 'due_diligence';
  note?: string;
};

/** A new deal: pick a company (or add one), its stage, owner, source and amounts. */
export function DealCreateModal(props: { open: boolean; fund: FundOption; onClose: () => void; onCreated: (id: number) => void }) {
  const { t } = useTranslation('pipeline');
  const l = useLabels();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DealForm>();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<{ id: number; label: string } | null>(null);
  const [addingCompany, setAddingCompany] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const companies = useQuery({ ...trpc.company.search.queryOptions({ q: search, limit: 20 }), enabled: search.trim().length > 0 });
  useEffect(() => {
    if (props.open) {
      form.resetFields();
      setPicked(null);
      setError(null);
    }
  }, [props.open, form]);
  const create = useMutation(
    trpc.deal.create.mutationOptions({
      onSuccess: (r) => {
        void queryClient.invalidateQueries(trpc.deal.pathFilter());
        props.onCreated(r.id);
      },
      onError: (e) => {
        if (!applyServerErrors(form, e, t, ['companyId', 'ownerId', 'amountFen', 'preMoneyFen', 'source', 'round', 'nextStep', 'nextStepDate']))
          setError(errorMessage(e, t));
      },
    }),
  );
  const options = [
    ...(picked ? [{ value: picked.id, label: picked.label }] : []),
    ...(companies.data ?? []).filter((c) => c.id !== picked?.id).map((c) => ({ value: c.id, label: `${c.nameZh}${c.uscc ? ` · ${c.uscc}` : ''}` })),
  ];
  const shape = DealCreateSchema.shape;
  return (
    <>
      <FormModal
        open={props.open}
        width={720}
        title={t('newDealIn', { fund: `${props.fund.code} ${l.name(props.fund.nameZh, props.fund.nameEn)}` })}
        onClose={props.onClose}
        onSubmit={() => form.submit()}
        ok="create"
        busy={create.isPending}
        okTestId="deal-save"
      >
        <Form
          form={form}
          layout="vertical"
          data-testid="deal-form"
          initialValues={{ stage: 'sourced', source: 'outbound' }}
          onValuesChange={() => setError(null)}
          onFinish={(v) =>
            create.mutate({
              fundId: props.fund.id,
              companyId: v.companyId,
              stage: v.stage,
              ownerId: v.ownerId ?? null,
              source: v.source as never,
              round: (v.round ?? null) as never,
              amountFen: wanToFen(v.amountWan),
              preMoneyFen: wanToFen(v.preMoneyWan),
              nextStep: v.nextStep ?? null,
              nextStepDate: v.nextStepDate ? v.nextStepDate.format('YYYY-MM-DD') : null,
              note: v.note ?? null,
            })
          }
        >
          <Form.Item label={t('company')} required>
            <div style={{ display: 'flex', gap: 8 }}>
              <Form.Item name="companyId" noStyle rules={[{ required: true, message: t('pickCompany') }]}>
                <Select
                  showSearch={{ filterOption: false, onSearch: setSearch }}
                  placeholder={t('searchCompany')}
                  notFoundContent={search ? t('noCompanyFound') : t('typeToSearch')}
                  options={options}
                  loading={companies.isFetching}
                  data-testid="deal-company"
                  style={{ flex: 1 }}
                  onChange={(id: number) => {
                    const o = options.find((x) => x.value === id);
                    setPicked(o ? { id: o.value, label: o.label } : null);
                  }}
                />
              </Form.Item>
              <Button icon={<PlusOutlined />} onClick={() => setAddingCompany(true)} data-testid="deal-new-company">
                {t('newCompany')}
              </Button>
            </div>
          </Form.Item>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="stage" label={t('stage')}>
                <Select options={['sourced', 'screening', 'due_diligence'].map((s) => ({ value: s, label: l.stage(s) }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="source" label={t('source')} rules={[zodRule(shape.source, t)]}>
                <Select options={l.options(DEAL_SOURCES)} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="ownerId" label={t('owner')}>
                <Select allowClear options={props.fund.owners.map((o) => ({ value: o.id, label: o.name }))} data-testid="deal-owner" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="round" label={t('round')}>
                <Select allowClear options={l.options(ROUNDS)} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="amountWan" label={t('amountWan')} extra={t('amountHint')}>
                <WanInput data-testid="deal-amount" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="preMoneyWan" label={t('preMoneyWan')}>
                <WanInput data-testid="deal-premoney" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={16}>
              <Form.Item name="nextStep" label={t('nextStep')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="nextStepDate" label={t('nextStepDate')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="note" label={t('firstNote')}>
            <Input.TextArea rows={2} maxLength={5000} />
          </Form.Item>
          {error ? <Alert type="error" showIcon title={error} data-testid="deal-error" /> : null}
        </Form>
      </FormModal>
      <CompanyFormModal
        open={addingCompany}
        onClose={() => setAddingCompany(false)}
        onSaved={(id) => {
          setAddingCompany(false);
          void queryClient
            .fetchQuery(trpc.company.get.queryOptions({ id }))
            .then((c) => {
              setPicked({ id, label: `${c.nameZh}${c.uscc ? ` · ${c.uscc}` : ''}` });
              form.setFieldValue('companyId', id);
            })
            .catch((e: unknown) => setError(errorMessage(e, t)));
        }}
      />
    </>
  );
}

type AppForm = {
  managerNameZh: string;
  managerNameEn?: string;
  managerUscc?: string;
  proposalNameZh: string;
  proposalNameEn?: string;
  proposalSizeWan: number;
  proposalSectors: string[];
  amountWan?: number;
  source: string;
  ownerId?: number;
  note?: string;
};

/** A manager's application to the mother fund's selection of sub-funds. */
export function ApplicationCreateModal(props: { open: boolean; fund: FundOption; onClose: () => void; onCreated: (id: number) => void }) {
  const { t } = useTranslation('pipeline');
  const l = useLabels();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AppForm>();
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(
    trpc.deal.createApplication.mutationOptions({
      onSuccess: (r) => {
        void queryClient.invalidateQueries(trpc.deal.pathFilter());
        props.onCreated(r.id);
      },
      onError: (e) => {
        if (!applyServerErrors(form, e, t, ['managerNameZh', 'managerUscc', 'proposalNameZh', 'proposalSizeFen', 'proposalSectors', 'amountFen']))
          setError(errorMessage(e, t));
      },
    }),
  );
  const shape = ApplicationCreateSchema.shape;
  return (
    <FormModal
      open={props.open}
      width={680}
      title={t('newApplication')}
      onClose={props.onClose}
      onSubmit={() => form.submit()}
      ok="create"
      busy={create.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ source: 'inbound', proposalSectors: [] }}
        onValuesChange={() => setError(null)}
        onFinish={(v) =>
          create.mutate({
            fundId: props.fund.id,
            managerNameZh: v.managerNameZh,
            managerNameEn: v.managerNameEn ?? null,
            managerUscc: v.managerUscc?.trim() ? v.managerUscc : null,
            proposalNameZh: v.proposalNameZh,
            proposalNameEn: v.proposalNameEn ?? null,
            proposalSizeFen: wanToFen(v.proposalSizeWan) ?? 0,
            proposalSectors: v.proposalSectors as never,
            amountFen: wanToFen(v.amountWan),
            source: v.source as never,
            ownerId: v.ownerId ?? null,
            nextStep: null,
            nextStepDate: null,
            note: v.note ?? null,
          })
        }
      >
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="managerNameZh" label={t('applicant')} rules={[zodRule(shape.managerNameZh, t)]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="managerUscc" label={t('uscc')} rules={[zodRule(shape.managerUscc.unwrap().optional(), t)]}>
              <Input style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="managerNameEn" label={t('applicantEn')}>
          <Input />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="proposalNameZh" label={t('proposalName')} rules={[zodRule(shape.proposalNameZh, t)]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="proposalNameEn" label={t('proposalNameEn')}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="proposalSizeWan" label={t('proposalSize')} rules={[{ required: true, message: t('validation:required') }]}>
              <WanInput />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="amountWan" label={t('motherCommitment')}>
              <WanInput />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="proposalSectors" label={t('proposalSectors')} rules={[{ required: true, type: 'array', min: 1, message: t('validation:required') }]}>
          <Select mode="multiple" options={l.options(SECTORS)} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="source" label={t('source')}>
              <Select options={l.options(DEAL_SOURCES)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="ownerId" label={t('owner')}>
              <Select allowClear options={props.fund.owners.map((o) => ({ value: o.id, label: o.name }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t('firstNote')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </FormModal>
  );
}
