import { PlusOutlined } from '@ant-design/icons';
import {
  CapitalCallSchema,
  endedQuarters,
  INVESTOR_SOURCE_CODES,
  INVESTOR_SOURCES,
  IsoDateSchema,
  NavStatementSchema,
  PositiveMoneyFenSchema,
  ReinvestEvidenceSchema,
  ReversalSchema,
} from '@highland/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Radio, Select, Space, Switch, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../components/ui/as-of-picker.js';
import { IsoDatePicker, isoDateItem, MoneyInput } from '../../components/ui/money-input.js';
import { errorMessage } from '../../lib/errors.js';
import { useFormat } from '../../lib/format.js';
import { useTRPC } from '../../lib/trpc.js';
import { applyServerErrors, zodRule } from '../../lib/validation.js';

/** The writes a fund's managers make from its page; each opens a form, checks it with the server's schema, and shows the server's rule if it refuses. */
export type FundAction = 'commit' | 'release' | 'call' | 'contribute' | 'distribute' | 'fee' | 'nav' | 'reverse' | 'evidence' | 'statements';

interface Lp {
  investorId: number;
  nameZh: string;
  nameEn: string;
  outstandingFen: number;
}

function useInvalidate() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries(trpc.fund.pathFilter()), queryClient.invalidateQueries(trpc.group.pathFilter())]);
}

/** A modal form bound to one mutation: server field errors go next to fields, others into an alert. */
function ActionModal<V extends object>(props: {
  open: boolean;
  title: string;
  onClose: () => void;
  names: string[];
  initial?: Partial<V>;
  submit: (v: V) => Promise<unknown>;
  children: (form: ReturnType<typeof Form.useForm<V>>[0]) => ReactNode;
  testId: string;
  width?: number;
}) {
  const { t } = useTranslation(['group', 'common']);
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<string | null>(null);
  const invalidate = useInvalidate();
  const run = useMutation({
    mutationFn: props.submit,
    onSuccess: async () => {
      void message.success(t('saved'));
      await invalidate();
      form.resetFields();
      props.onClose();
    },
    onError: (e) => {
      if (!applyServerErrors(form, e, t, props.names)) setError(errorMessage(e, t));
      else setError(null);
    },
  });
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onClose}
      okText={t('common:save')}
      cancelText={t('common:cancel')}
      confirmLoading={run.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
      width={props.width ?? 560}
      okButtonProps={{ 'data-testid': `${props.testId}-submit` } as Record<string, string>}
    >
      <Form<V>
        form={form}
        layout="vertical"
        data-testid={props.testId}
        initialValues={props.initial}
        onValuesChange={() => setError(null)}
        onFinish={(v) => run.mutate(v)}
      >
        {props.children(form)}
      </Form>
      {error ? <Alert type="error" showIcon title={error} data-testid={`${props.testId}-error`} /> : null}
    </Modal>
  );
}

/** Investor options for a commitment: everyone but the fund itself, with their source type. */
function InvestorSelect(props: { value?: number; onChange?: (v: number) => void; exclude?: number; testId?: string }) {
  const f = useFormat();
  const trpc = useTRPC();
  const q = useQuery(trpc.fund.investorOptions.queryOptions());
  return (
    <Select
      showSearch
      data-testid={props.testId}
      value={props.value}
      onChange={props.onChange}
      optionFilterProp="label"
      loading={q.isPending}
      options={(q.data ?? [])
        .filter((i) => i.fundId === null || i.fundId !== props.exclude)
        .map((i) => ({
          value: i.id,
          label: `${f.locale === 'en' ? i.nameEn : i.nameZh} · ${INVESTOR_SOURCES[i.sourceType][f.locale === 'en' ? 'en' : 'zh']}`,
        }))}
    />
  );
}

export function FundActionModals(props: {
  fundId: number;
  action: FundAction | null;
  onClose: () => void;
  lps: Lp[];
  callId?: number | null;
  entryId?: number | null;
  companies: Array<{ id: number; name: string }>;
  /** The fund's set-up date: the first quarter it can issue statements for. */
  since?: string | null;
  /** The fund's LPs with what they have not been called for yet (as of the page's date), for a release. */
  holders?: Array<{ investorId: number; nameZh: string; nameEn: string; uncalledFen: number }>;
}) {
  const { t } = useTranslation(['group', 'common']);
  const f = useFormat();
  const trpc = useTRPC();
  const commit = useMutation(trpc.ledger.commit.mutationOptions());
  const call = useMutation(trpc.ledger.capitalCall.mutationOptions());
  const contribute = useMutation(trpc.ledger.contribute.mutationOptions());
  const distribute = useMutation(trpc.ledger.distribute.mutationOptions());
  const fee = useMutation(trpc.ledger.fee.mutationOptions());
  const nav = useMutation(trpc.ledger.nav.mutationOptions());
  const issue = useMutation(trpc.ledger.issueStatements.mutationOptions());
  const release = useMutation(trpc.ledger.release.mutationOptions());
  const reverse = useMutation(trpc.ledger.reverse.mutationOptions());
  const evidence = useMutation(trpc.ledger.evidence.mutationOptions());
  const createInvestor = useMutation(trpc.ledger.createInvestor.mutationOptions());
  const queryClient = useQueryClient();
  const lpName = (id: number) => {
    const lp = props.lps.find((l) => l.investorId === id);
    return lp ? (f.locale === 'en' ? lp.nameEn : lp.nameZh) : `#${id}`;
  };
  const open = (a: FundAction) => props.action === a;
  const [newInvestor, setNewInvestor] = useState(false);
  const today = todayIso();
  const inDays = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  return (
    <>
      <ActionModal<{ date: string; isClose: boolean; lines: Array<{ investorId: number; amountFen: number }>; overrideReason?: string }>
        open={open('commit')}
        title={t('act.commit')}
        onClose={props.onClose}
        testId="commit-form"
        width={720}
        names={['date', 'isClose', 'lines', 'overrideReason']}
        initial={{ date: today, isClose: true, lines: [{ investorId: undefined as unknown as number, amountFen: undefined as unknown as number }] }}
        submit={(v) =>
          commit.mutateAsync({ fundId: props.fundId, date: v.date, isClose: v.isClose, lines: v.lines, overrideReason: v.overrideReason?.trim() || null })
        }
      >
        {() => (
          <>
            <Space size={24} align="start">
              <Form.Item name="date" label={t('f.date')} rules={[zodRule(IsoDateSchema, t)]} {...isoDateItem}>
                <IsoDatePicker testId="commit-date" />
              </Form.Item>
              <Form.Item name="isClose" label={t('f.isClose')} valuePropName="checked" tooltip={t('f.isCloseHint')}>
                <Switch data-testid="commit-close" />
              </Form.Item>
            </Space>
            <Form.List name="lines">
              {(fields, ops) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="start" style={{ display: 'flex' }}>
                      <Form.Item
                        name={[field.name, 'investorId']}
                        label={field.name === 0 ? t('f.investor') : undefined}
                        rules={[{ required: true, message: t('validation:required') }]}
                        style={{ width: 380 }}
                      >
                        <InvestorSelect exclude={props.fundId} testId={`commit-investor-${field.name}`} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'amountFen']}
                        label={field.name === 0 ? t('f.amount') : undefined}
                        rules={[zodRule(PositiveMoneyFenSchema, t)]}
                        style={{ width: 220 }}
                      >
                        <MoneyInput testId={`commit-amount-${field.name}`} />
                      </Form.Item>
                      {fields.length > 1 ? (
                        <Button type="link" danger onClick={() => ops.remove(field.name)} style={{ marginTop: field.name === 0 ? 30 : 0 }}>
                          {t('act.removeLine')}
                        </Button>
                      ) : null}
                    </Space>
                  ))}
                  <Space>
                    <Button icon={<PlusOutlined />} onClick={() => ops.add()} data-testid="commit-add-line">
                      {t('act.addLine')}
                    </Button>
                    <Button type="link" onClick={() => setNewInvestor(true)}>
                      {t('act.newInvestor')}
                    </Button>
                  </Space>
                </>
              )}
            </Form.List>
            <Form.Item name="overrideReason" label={t('f.overrideReason')} tooltip={t('f.overrideHint')} style={{ marginTop: 16 }}>
              <Input.TextArea rows={2} maxLength={500} data-testid="commit-override" />
            </Form.Item>
          </>
        )}
      </ActionModal>

      <ActionModal<{ nameZh: string; nameEn: string; sourceType: (typeof INVESTOR_SOURCE_CODES)[number] }>
        open={newInvestor}
        title={t('act.newInvestor')}
        onClose={() => setNewInvestor(false)}
        testId="investor-form"
        names={['nameZh', 'nameEn', 'sourceType']}
        initial={{ sourceType: 'private' }}
        submit={async (v) => {
          await createInvestor.mutateAsync(v);
          await queryClient.invalidateQueries(trpc.fund.investorOptions.pathFilter());
        }}
      >
        {() => (
          <>
            <Form.Item name="nameZh" label={t('f.nameZh')} rules={[{ required: true, message: t('validation:required') }]}>
              <Input />
            </Form.Item>
            <Form.Item name="nameEn" label={t('f.nameEn')} rules={[{ required: true, message: t('validation:required') }]}>
              <Input />
            </Form.Item>
            <Form.Item name="sourceType" label={t('f.sourceType')}>
              <Select
                options={INVESTOR_SOURCE_CODES.filter((s) => s !== 'mother_fund').map((s) => ({
                  value: s,
                  label: INVESTOR_SOURCES[s][f.locale === 'en' ? 'en' : 'zh'],
                }))}
              />
            </Form.Item>
          </>
        )}
      </ActionModal>

      <ActionModal<{ noticeDate: string; dueDate: string; totalFen: number; purpose?: string }>
        open={open('call')}
        title={t('act.call')}
        onClose={props.onClose}
        testId="call-form"
        names={['noticeDate', 'dueDate', 'totalFen', 'purpose']}
        initial={{ noticeDate: today, dueDate: inDays(15) }}
        submit={(v) => call.mutateAsync({ fundId: props.fundId, ...v })}
      >
        {() => (
          <>
            <Typography.Paragraph type="secondary">{t('act.callHint')}</Typography.Paragraph>
            <Space size={16}>
              <Form.Item name="noticeDate" label={t('f.noticeDate')} rules={[zodRule(CapitalCallSchema.shape.noticeDate, t)]} {...isoDateItem}>
                <IsoDatePicker />
              </Form.Item>
              <Form.Item name="dueDate" label={t('f.dueDate')} rules={[zodRule(CapitalCallSchema.shape.dueDate, t)]} {...isoDateItem}>
                <IsoDatePicker />
              </Form.Item>
            </Space>
            <Form.Item name="totalFen" label={t('f.total')} rules={[zodRule(PositiveMoneyFenSchema, t)]}>
              <MoneyInput testId="call-total" />
            </Form.Item>
            <Form.Item name="purpose" label={t('f.purpose')}>
              <Input maxLength={500} />
            </Form.Item>
          </>
        )}
      </ActionModal>

      <ActionModal<{ date: string; lines: Array<{ investorId: number; amountFen: number }> }>
        open={open('contribute')}
        title={t('act.contribute')}
        onClose={props.onClose}
        testId="contribute-form"
        width={640}
        names={['date', 'lines']}
        initial={{ date: today, lines: props.lps.filter((l) => l.outstandingFen > 0).map((l) => ({ investorId: l.investorId, amountFen: l.outstandingFen })) }}
        submit={(v) => contribute.mutateAsync({ callId: props.callId ?? 0, date: v.date, lines: v.lines.filter((l) => l.amountFen > 0) })}
      >
        {() => (
          <>
            <Form.Item name="date" label={t('f.paidDate')} rules={[zodRule(IsoDateSchema, t)]} {...isoDateItem}>
              <IsoDatePicker />
            </Form.Item>
            <Form.List name="lines">
              {(fields) =>
                fields.map((field) => (
                  <Space key={field.key} align="start" style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'investorId']} hidden>
                      <Input />
                    </Form.Item>
                    <Form.Item shouldUpdate noStyle>
                      {(form) => <div style={{ width: 300, paddingTop: 6 }}>{lpName(form.getFieldValue(['lines', field.name, 'investorId']))}</div>}
                    </Form.Item>
                    <Form.Item name={[field.name, 'amountFen']} style={{ width: 240 }}>
                      <MoneyInput />
                    </Form.Item>
                  </Space>
                ))
              }
            </Form.List>
          </>
        )}
      </ActionModal>

      {(['distribute', 'fee'] as const).map((kind) => (
        <ActionModal<{ date: string; totalFen: number; memo?: string }>
          key={kind}
          open={open(kind)}
          title={t(`act.${kind}`)}
          onClose={props.onClose}
          testId={`${kind}-form`}
          names={['date', 'totalFen', 'memo', 'lines']}
          initial={{ date: today }}
          submit={(v) => (kind === 'distribute' ? distribute : fee).mutateAsync({ fundId: props.fundId, date: v.date, totalFen: v.totalFen, memo: v.memo })}
        >
          {() => (
            <>
              <Typography.Paragraph type="secondary">{t(kind === 'distribute' ? 'act.distributeHint' : 'act.feeHint')}</Typography.Paragraph>
              <Form.Item name="date" label={t('f.date')} rules={[zodRule(IsoDateSchema, t)]} {...isoDateItem}>
                <IsoDatePicker />
              </Form.Item>
              <Form.Item name="totalFen" label={t('f.total')} rules={[zodRule(PositiveMoneyFenSchema, t)]}>
                <MoneyInput testId={`${kind}-total`} />
              </Form.Item>
              <Form.Item name="memo" label={t('f.memo')}>
                <Input maxLength={500} />
              </Form.Item>
            </>
          )}
        </ActionModal>
      ))}

      <ActionModal<{ date: string; navFen: number; source?: string }>
        open={open('nav')}
        title={t('act.nav')}
        onClose={props.onClose}
        testId="nav-form"
        names={['date', 'navFen', 'source']}
        initial={{ date: today }}
        submit={(v) => nav.mutateAsync({ fundId: props.fundId, ...v })}
      >
        {() => (
          <>
            <Form.Item name="date" label={t('f.date')} rules={[zodRule(IsoDateSchema, t)]} {...isoDateItem}>
              <IsoDatePicker />
            </Form.Item>
            <Form.Item name="navFen" label={t('f.nav')} rules={[zodRule(NavStatementSchema.shape.navFen, t)]}>
              <MoneyInput />
            </Form.Item>
            <Form.Item name="source" label={t('f.source')}>
              <Input maxLength={500} />
            </Form.Item>
          </>
        )}
      </ActionModal>

      <ActionModal<{ investorId: number; date: string; amountFen: number; reason: string }>
        open={open('release')}
        title={t('act.release')}
        onClose={props.onClose}
        testId="release-form"
        names={['investorId', 'date', 'amountFen', 'reason']}
        initial={{ date: today }}
        submit={(v) => release.mutateAsync({ fundId: props.fundId, ...v })}
      >
        {() => (
          <>
            <Alert type="info" showIcon title={t('act.releaseHint')} style={{ marginBottom: 12 }} />
            <Form.Item name="investorId" label={t('f.investor')} rules={[{ required: true, message: t('validation:required') }]}>
              <Select
                data-testid="release-investor"
                options={(props.holders ?? [])
                  .filter((h) => h.uncalledFen > 0)
                  .map((h) => ({
                    value: h.investorId,
                    label: t('act.releaseOption', { name: f.locale === 'en' ? h.nameEn : h.nameZh, uncalled: f.money(h.uncalledFen) }),
                  }))}
              />
            </Form.Item>
            <Space size={24} align="start">
              <Form.Item name="date" label={t('f.date')} rules={[zodRule(IsoDateSchema, t)]} {...isoDateItem}>
                <IsoDatePicker testId="release-date" />
              </Form.Item>
              <Form.Item name="amountFen" label={t('f.amount')} rules={[zodRule(PositiveMoneyFenSchema, t)]} style={{ width: 220 }}>
                <MoneyInput testId="release-amount" />
              </Form.Item>
            </Space>
            <Form.Item name="reason" label={t('act.releaseReason')} rules={[{ required: true, whitespace: true, message: t('validation:required') }]}>
              <Input.TextArea rows={2} maxLength={500} data-testid="release-reason" placeholder={t('act.releaseReasonHint')} />
            </Form.Item>
          </>
        )}
      </ActionModal>

      <ActionModal<{ quarter: string; note?: string }>
        open={open('statements')}
        title={t('act.statements')}
        onClose={props.onClose}
        testId="issue-form"
        names={['quarter', 'note']}
        initial={{ quarter: endedQuarters(props.since ?? today, today)[0] }}
        submit={(v) => issue.mutateAsync({ fundId: props.fundId, quarter: v.quarter, note: v.note?.trim() || undefined })}
      >
        {() => (
          <>
            <Alert type="info" showIcon title={t('issue.intro')} style={{ marginBottom: 12 }} />
            <Form.Item name="quarter" label={t('issue.quarter')} rules={[{ required: true, message: t('validation:required') }]}>
              <Select
                data-testid="issue-quarter"
                style={{ width: 160 }}
                options={endedQuarters(props.since ?? today, today).map((q) => ({ value: q, label: q }))}
              />
            </Form.Item>
            <Form.Item name="note" label={t('issue.note')} tooltip={t('issue.noteHint')}>
              <Input.TextArea rows={2} maxLength={500} data-testid="issue-note" />
            </Form.Item>
          </>
        )}
      </ActionModal>

      <ActionModal<{ reason: string }>
        open={open('reverse')}
        title={t('act.reverse')}
        onClose={props.onClose}
        testId="reverse-form"
        names={['reason', 'entryId']}
        submit={(v) => reverse.mutateAsync({ entryId: props.entryId ?? 0, reason: v.reason })}
      >
        {() => (
          <>
            <Typography.Paragraph type="secondary">{t('act.reverseHint')}</Typography.Paragraph>
            <Form.Item name="reason" label={t('f.reason')} rules={[zodRule(ReversalSchema.shape.reason, t)]}>
              <Input.TextArea rows={2} maxLength={500} data-testid="reverse-reason" />
            </Form.Item>
          </>
        )}
      </ActionModal>

      <ActionModal<{ companyId: number; evidence: 'relocated' | 'subsidiary'; effectiveDate: string; note?: string }>
        open={open('evidence')}
        title={t('act.evidence')}
        onClose={props.onClose}
        testId="evidence-form"
        names={['companyId', 'evidence', 'effectiveDate', 'note']}
        initial={{ evidence: 'relocated' }}
        submit={(v) => evidence.mutateAsync({ fundId: props.fundId, ...v })}
      >
        {() => (
          <>
            <Form.Item name="companyId" label={t('f.company')} rules={[{ required: true, message: t('validation:required') }]}>
              <Select showSearch optionFilterProp="label" options={props.companies.map((c) => ({ value: c.id, label: c.name }))} />
            </Form.Item>
            <Form.Item name="evidence" label={t('f.evidence')}>
              <Radio.Group options={(['relocated', 'subsidiary'] as const).map((e) => ({ value: e, label: t(`reason.${e}`) }))} />
            </Form.Item>
            <Form.Item name="effectiveDate" label={t('f.effectiveDate')} rules={[zodRule(ReinvestEvidenceSchema.shape.effectiveDate, t)]} {...isoDateItem}>
              <IsoDatePicker />
            </Form.Item>
            <Form.Item name="note" label={t('f.note')}>
              <Input maxLength={500} />
            </Form.Item>
          </>
        )}
      </ActionModal>
    </>
  );
}
