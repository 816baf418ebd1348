import { endedQuarters, IsoDateSchema, NavStatementSchema, ReinvestEvidenceSchema, ReversalSchema } from '@highland/shared';
import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isoDateItem, IsoDatePicker, MoneyInput } from '../../../components/ui/money-input.js';
import { useTRPC } from '../../../lib/trpc.js';
import { zodRule } from '../../../lib/validation.js';
import { ActionModal, type FundActionProps, useActionHelpers } from './kit.js';

/** Records: a reported NAV, the quarter's statements issued to LPs, a reversal of a ledger entry, and reinvestment evidence. */
export function RecordModals(props: FundActionProps) {
  const { t } = useTranslation(['group', 'common']);
  const trpc = useTRPC();
  const nav = useMutation(trpc.ledger.nav.mutationOptions());
  const issue = useMutation(trpc.ledger.issueStatements.mutationOptions());
  const reverse = useMutation(trpc.ledger.reverse.mutationOptions());
  const evidence = useMutation(trpc.ledger.evidence.mutationOptions());
  const { open, today } = useActionHelpers(props);
  return (
    <>
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
