import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { FIRST_SET_KIND_CODES, type LISTING_STAGE_CODES, SUPPORT_KIND_CODES, type SupportKind, supportCap } from '@highland/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../components/ui/as-of-picker.js';
import { FormModal } from '../../../components/ui/form-modal.js';
import { useFormat } from '../../../lib/format.js';
import { useTRPC } from '../../../lib/trpc.js';
import { FirmSelect, isoOf, useLabels } from '../kit.js';
import { wan, wanRule, dateRule, useInvalidate } from './support-kit.js';

export type ApplyValues = {
  kind: SupportKind;
  companyId: number;
  title: string;
  appliedOn: Dayjs;
  applied?: number;
  basis?: number;
  firstSetKind?: string;
  reference?: string;
  listingAttemptId?: number;
  milestone?: string;
  recipients?: Array<{ name: string; role?: string; amount: number }>;
};

export function ApplyModal(props: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('plan');
  const labels = useLabels();
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const m = useMutation(trpc.support.create.mutationOptions());
  const schedule = useQuery(trpc.support.schedule.queryOptions());
  const board = useQuery(trpc.listing.board.queryOptions({}));
  return (
    <FormModal<ApplyValues>
      title={t('support.apply')}
      open={props.open}
      onClose={props.onClose}
      testId="support-form"
      width={680}
      names={['kind', 'companyId', 'title', 'appliedOn', 'appliedFen', 'basisFen', 'firstSetKind', 'reference', 'listingAttemptId', 'milestone', 'recipients']}
      initialValues={{ kind: 'scenario_project', appliedOn: dayjs(todayIso()) }}
      submit={async (v) => {
        const base = { companyId: v.companyId, title: v.title, appliedOn: isoOf(v.appliedOn) ?? '', reference: v.reference };
        const recipients = (v.recipients ?? []).map((p) => ({ name: p.name, role: p.role, amountFen: wan(p.amount) ?? 0 }));
        const appliedFen = v.kind === 'team_reward' ? recipients.reduce((a, p) => a + p.amountFen, 0) : (wan(v.applied) ?? 0);
        const basisFen = wan(v.basis) ?? 0;
        const input =
          v.kind === 'team_reward'
            ? { kind: v.kind, ...base, appliedFen, recipients }
            : v.kind === 'listing_subsidy'
              ? { kind: v.kind, ...base, appliedFen, listingAttemptId: v.listingAttemptId ?? 0, milestone: v.milestone as (typeof LISTING_STAGE_CODES)[number] }
              : v.kind === 'first_set'
                ? { kind: v.kind, ...base, appliedFen, basisFen, firstSetKind: v.firstSetKind as (typeof FIRST_SET_KIND_CODES)[number] }
                : { kind: v.kind, ...base, appliedFen, basisFen };
        await m.mutateAsync(input);
        await invalidate();
      }}
    >
      {(form) => (
        <>
          <Form.Item name="kind" label={t('support.kind')}>
            <Radio.Group optionType="button" options={SUPPORT_KIND_CODES.map((k) => ({ value: k, label: labels.supportKind(k) }))} data-testid="support-kind" />
          </Form.Item>
          <Row gutter={12}>
            <Col span={14}>
              <Form.Item name="companyId" label={t('firm')} rules={[{ required: true, message: t('validation:required') }]}>
                <FirmSelect testId="support-firm" />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="appliedOn" label={t('support.appliedOn')} rules={[dateRule(t)]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="title" label={t('support.titleField')} rules={[{ required: true, message: t('validation:required') }]}>
            <Input data-testid="support-title" />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() => <KindFields values={form.getFieldsValue(true) as ApplyValues} schedule={schedule.data ?? []} attempts={board.data?.attempts ?? []} />}
          </Form.Item>
          <Form.Item name="reference" label={t('support.reference')}>
            <Input />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

/** The fields each kind needs, and the cap its rule gives — worked out as the user types, by the same function the server uses. */
export function KindFields(props: {
  values: ApplyValues;
  schedule: Array<{ milestone: string; amountFen: number }>;
  attempts: Array<{ id: number; companyId: number; nameZh: string; attemptNo: number; timeline: { stages: Array<{ stage: string }> } }>;
}) {
  const { t } = useTranslation('plan');
  const f = useFormat();
  const labels = useLabels();
  const v = props.values;
  const cap = (() => {
    try {
      return supportCap({
        kind: v.kind,
        basisFen: wan(v.basis) ?? null,
        recipients: (v.recipients ?? []).filter(Boolean).map((p) => ({ amountFen: wan(p?.amount) ?? 0 })),
        milestone: (v.milestone as (typeof LISTING_STAGE_CODES)[number] | undefined) ?? null,
        scheduleFen: props.schedule.find((s) => s.milestone === v.milestone)?.amountFen ?? null,
      });
    } catch {
      return null;
    }
  })();
  const basisLabel =
    v.kind === 'scenario_project' ? t('support.basisScenario') : v.kind === 'innovation_voucher' ? t('support.basisVoucher') : t('support.basisFirstSet');
  const attempts = props.attempts.filter((a) => a.companyId === v.companyId);
  return (
    <>
      {v.kind === 'first_set' ? (
        <Form.Item name="firstSetKind" label={t('support.firstSetKind')} rules={[{ required: true, message: t('validation:required') }]}>
          <Radio.Group options={FIRST_SET_KIND_CODES.map((k) => ({ value: k, label: labels.firstSet(k) }))} />
        </Form.Item>
      ) : null}
      {v.kind === 'scenario_project' || v.kind === 'innovation_voucher' || v.kind === 'first_set' ? (
        <Form.Item name="basis" label={t('common:withUnit', { label: basisLabel, unit: t('unitWan') })} rules={[wanRule(t)]}>
          <InputNumber style={{ width: '100%' }} min={0} data-testid="support-basis" />
        </Form.Item>
      ) : null}
      {v.kind === 'listing_subsidy' ? (
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item name="listingAttemptId" label={t('support.attempt')} rules={[{ required: true, message: t('validation:required') }]}>
              <Select options={attempts.map((a) => ({ value: a.id, label: `${a.nameZh} · ${t('listings.attempt', { n: a.attemptNo })}` }))} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="milestone" label={t('support.milestone')} rules={[{ required: true, message: t('validation:required') }]}>
              <Select options={props.schedule.filter((s) => s.amountFen > 0).map((s) => ({ value: s.milestone, label: labels.event(s.milestone) }))} />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
      {v.kind === 'team_reward' ? (
        <Form.List name="recipients" initialValue={[{ name: '', amount: undefined }]}>
          {(fields, { add, remove }) => (
            <>
              <Typography.Text>{t('support.recipients')}</Typography.Text>
              {fields.map((field) => (
                <Row key={field.key} gutter={8} align="top" style={{ marginTop: 8 }}>
                  <Col span={8}>
                    <Form.Item name={[field.name, 'name']} rules={[{ required: true, message: t('validation:required') }]} style={{ marginBottom: 0 }}>
                      <Input placeholder={t('support.person')} />
                    </Form.Item>
                  </Col>
                  <Col span={7}>
                    <Form.Item name={[field.name, 'role']} style={{ marginBottom: 0 }}>
                      <Input placeholder={t('support.role')} />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item name={[field.name, 'amount']} rules={[wanRule(t)]} style={{ marginBottom: 0 }}>
                      <InputNumber style={{ width: '100%' }} min={0} placeholder={t('support.amount')} suffix={t('unitWan')} />
                    </Form.Item>
                  </Col>
                  <Col span={1}>
                    <MinusCircleOutlined onClick={() => remove(field.name)} style={{ marginTop: 8 }} />
                  </Col>
                </Row>
              ))}
              <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />} style={{ marginTop: 8, marginBottom: 12 }}>
                {t('support.addPerson')}
              </Button>
            </>
          )}
        </Form.List>
      ) : (
        <Form.Item
          name="applied"
          label={t('common:withUnit', { label: t('support.applied'), unit: t('unitWan') })}
          rules={[
            wanRule(t),
            {
              validator: async (_r, v: number | null) => {
                if (cap && v != null && (wan(v) ?? 0) > cap.capFen)
                  throw new Error(t('validation:aboveCap', { capText: f.money(cap.capFen, { unit: f.locale === 'en' ? 'm' : 'wan' }) }));
              },
            },
          ]}
        >
          <InputNumber style={{ width: '100%' }} min={0} data-testid="support-applied" />
        </Form.Item>
      )}
      {cap ? (
        <Alert
          type="info"
          showIcon
          data-testid="support-cap"
          style={{ marginBottom: 12 }}
          title={t('support.capNow', { cap: f.money(cap.capFen, { unit: f.locale === 'en' ? 'm' : 'wan' }), rule: t(`support.capRules.${cap.rule}`) })}
        />
      ) : null}
    </>
  );
}
