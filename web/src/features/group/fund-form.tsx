import { FundFieldsSchema, type FundCreate, FUND_STATUS_CODES, SECTOR_CODES, SECTORS, SPONSOR_TYPE_CODES, SPONSOR_TYPES } from '@highland/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, type FormInstance, Input, InputNumber, Radio, Row, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { IsoDatePicker, isoDateItem, MoneyInput, percentItem } from '../../components/ui/money-input.js';
import { NoEnterForm } from '../../components/ui/no-enter-form.js';
import { useFormat } from '../../lib/format.js';
import { useTRPC } from '../../lib/trpc.js';
import { zodRule } from '../../lib/validation.js';

export type Values = FundCreate;
export const NAMES = Object.keys(FundFieldsSchema.shape);
const shape = FundFieldsSchema.shape;

export const DEFAULTS: Partial<Values> = {
  kind: 'sub',
  isFundOfFunds: false,
  status: 'approved',
  sponsorType: 'market',
  termYears: 8,
  investmentPeriodYears: 5,
  govShareCap: 0.3,
  govShareOverrideAllowed: false,
  reinvestK: 1.5,
  reinvestWeightRegistered: 1,
  reinvestWeightRelocated: 0.8,
  reinvestWeightSubsidiary: 0.5,
  reinvestBasis: 'committed',
  feeBasis: 'committed',
  feeRate: 0.02,
  sectorFocus: [],
  managerId: null,
  decisionDate: null,
  establishedDate: null,
  targetSizeFen: null,
};

/** The fund form: identity, dates and size, and the rules the group checks it against. */
export function FundForm(props: {
  initial: Partial<Values>;
  editing: boolean;
  onSubmit: (v: Values) => void;
  pending: boolean;
  error: string | null;
  form: ReturnType<typeof Form.useForm<Values>>[0];
}) {
  const { t } = useTranslation(['group', 'common']);
  const f = useFormat();
  const trpc = useTRPC();
  const options = useQuery(trpc.fund.formOptions.queryOptions());
  const kind = Form.useWatch('kind', props.form) ?? props.initial.kind;
  const k = Form.useWatch('reinvestK', props.form) ?? props.initial.reinvestK;
  const lang = f.locale === 'en' ? 'en' : 'zh';
  const status = Form.useWatch('status', props.form) ?? props.initial.status;
  // Fields the server refuses empty (FUND_REQUIRED_FIELDS): marked before saving, checked in the browser too.
  const required = { required: true, message: t('validation:required') };
  const setUpDateRule = ({ getFieldValue }: Pick<FormInstance, 'getFieldValue'>) => ({
    validator: async (_: unknown, v: string | null | undefined) => {
      if (!v && (getFieldValue('status') ?? 'approved') !== 'approved') throw new Error(t('validation:setUpDateRequired'));
    },
  });
  return (
    <NoEnterForm<Values> form={props.form} layout="vertical" initialValues={props.initial} onFinish={props.onSubmit} data-testid="fund-form" scrollToFirstError>
      <Row gutter={12}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('form.identity')}>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="kind" label={t('kind')} required>
                  <Radio.Group disabled={props.editing} options={(['sub', 'direct_vehicle'] as const).map((x) => ({ value: x, label: t(`kinds.${x}`) }))} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="code" label={t('code')} required rules={[zodRule(shape.code, t)]}>
                  <Input data-testid="fund-code" maxLength={20} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="nameZh" label={t('f.nameZh')} required rules={[zodRule(shape.nameZh, t)]}>
              <Input data-testid="fund-name-zh" />
            </Form.Item>
            <Form.Item name="nameEn" label={t('f.nameEn')} required rules={[zodRule(shape.nameEn, t)]}>
              <Input data-testid="fund-name-en" />
            </Form.Item>
            <Row gutter={12}>
              <Col span={14}>
                <Form.Item name="managerId" label={t('manager')} required rules={[required]}>
                  <Select
                    data-testid="fund-manager"
                    allowClear
                    showSearch
                    optionFilterProp="label"
                    loading={options.isPending}
                    options={(options.data?.managers ?? []).map((m) => ({ value: m.id, label: f.name(m) }))}
                  />
                </Form.Item>
              </Col>
              <Col span={10}>
                <Form.Item name="sponsorType" label={t('f.sponsorType')}>
                  <Select options={SPONSOR_TYPE_CODES.map((x) => ({ value: x, label: SPONSOR_TYPES[x][lang] }))} />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item
                  name="batch"
                  label={t('batch')}
                  required={kind === 'sub'}
                  rules={kind === 'sub' ? [zodRule(shape.batch.unwrap(), t)] : []}
                  tooltip={options.data ? t('form.nextBatch', { n: options.data.nextBatch }) : undefined}
                >
                  <InputNumber min={1} max={99} style={{ width: '100%' }} data-testid="fund-batch" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="status" label={t('status')} required tooltip={t('form.statusHint')}>
                  <Select options={FUND_STATUS_CODES.map((x) => ({ value: x, label: t(`statuses.${x}`) }))} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="isFundOfFunds" label={t('fof')} valuePropName="checked">
                  <Switch />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="sectorFocus" label={t('f.sectors')} required rules={[zodRule(shape.sectorFocus, t)]}>
              <Select mode="multiple" data-testid="fund-sectors" options={SECTOR_CODES.map((x) => ({ value: x, label: SECTORS[x][lang] }))} />
            </Form.Item>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('form.dates')}>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="decisionDate" label={t('f.decisionDate')} required rules={[required]} {...isoDateItem}>
                  <IsoDatePicker testId="fund-decision" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  name="establishedDate"
                  label={t('f.establishedDate')}
                  tooltip={t('form.establishedHint')}
                  required={status !== undefined && status !== 'approved'}
                  dependencies={['status']}
                  rules={[setUpDateRule]}
                  {...isoDateItem}
                >
                  <IsoDatePicker testId="fund-established" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="termYears" label={t('f.term')}>
                  <InputNumber min={1} max={30} suffix={t('yearUnit')} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="investmentPeriodYears" label={t('f.investmentPeriod')}>
                  <InputNumber min={1} max={30} suffix={t('yearUnit')} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="targetSizeFen" label={t('f.targetSize')} required rules={[required]}>
                  <MoneyInput unit={f.tableUnit(true)} testId="fund-target" />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Card size="small" title={t('form.rules')} style={{ marginTop: 12 }}>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="govShareCap" label={t('f.govShareCap')} {...percentItem}>
                  <InputNumber min={0} max={100} suffix="%" style={{ width: '100%' }} data-testid="fund-cap" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="govShareOverrideAllowed" label={t('f.override')} valuePropName="checked">
                  <Switch />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="reinvestK" label={t('f.reinvestK')} tooltip={t('form.kHint')} rules={[zodRule(shape.reinvestK, t)]}>
                  <InputNumber min={0} max={10} step={0.1} suffix="×" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={16}>
                <Form.Item name="reinvestBasis" label={t('form.reinvestBasis')} required>
                  <Radio.Group disabled={!k} options={(['committed', 'paid_in'] as const).map((x) => ({ value: x, label: t(`basis.${x}`) }))} />
                </Form.Item>
              </Col>
              {(['reinvestWeightRegistered', 'reinvestWeightRelocated', 'reinvestWeightSubsidiary'] as const).map((w) => (
                <Col span={8} key={w}>
                  <Form.Item name={w} label={t(`form.${w}`)} rules={[zodRule(shape[w], t)]}>
                    <InputNumber min={0} max={1} step={0.1} disabled={!k} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              ))}
              <Col span={12}>
                <Form.Item name="feeBasis" label={t('form.feeBasis')}>
                  <Select allowClear options={(['committed', 'invested', 'nav'] as const).map((x) => ({ value: x, label: t(`feeBasis.${x}`) }))} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="feeRate" label={t('form.feeRate')} {...percentItem}>
                  <InputNumber min={0} max={10} step={0.1} suffix="%" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
        </Col>
      </Row>
      {props.error ? <Alert type="error" showIcon title={props.error} style={{ marginTop: 12 }} data-testid="fund-form-error" /> : null}
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit" loading={props.pending} data-testid="fund-save">
          {t('common:save')}
        </Button>
        <Button onClick={() => window.history.back()}>{t('common:cancel')}</Button>
      </Space>
    </NoEnterForm>
  );
}
