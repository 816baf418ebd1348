import { ImportOutlined } from '@ant-design/icons';
import { IndexImportSchema, parseIndexCsv } from '@highland/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/ui/form-modal.js';
import { Page } from '../../components/ui/page.js';
import { QueryState } from '../../components/ui/query-state.js';
import { useFormat } from '../../lib/format.js';
import { useTRPC } from '../../lib/trpc.js';
import { zodRule } from '../../lib/validation.js';

type Values = { code: string; nameZh: string; nameEn: string; source: string; csv: string };

/**
 * Administrators keep the public-market indices the funds are compared with (KS-PME on the performance
 * pages and the LP portal): levels pasted from a vendor's CSV, every line checked before anything is written.
 */
export function BenchmarksPage() {
  const { t } = useTranslation('performance');
  const f = useFormat();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const q = useQuery(trpc.benchmark.list.queryOptions());
  const importIndex = useMutation(trpc.benchmark.import.mutationOptions());
  const [open, setOpen] = useState(false);
  const s = IndexImportSchema.shape;
  return (
    <Page
      title={t('benchmarks.title')}
      subtitle={t('benchmarks.sub')}
      extra={
        <Button type="primary" icon={<ImportOutlined />} onClick={() => setOpen(true)} data-testid="index-import">
          {t('benchmarks.import')}
        </Button>
      }
    >
      <QueryState query={q}>
        {(rows) => (
          <Table
            size="small"
            rowKey="code"
            data-testid="index-table"
            dataSource={rows}
            pagination={false}
            columns={[
              { title: t('benchmarks.code'), dataIndex: 'code', width: 120 },
              { title: t('benchmarks.name'), key: 'name', render: (_: unknown, r) => f.name(r) },
              { title: t('benchmarks.source'), dataIndex: 'source' },
              { title: t('benchmarks.points'), dataIndex: 'points', align: 'right', width: 90 },
              { title: t('benchmarks.span'), key: 'span', width: 210, render: (_: unknown, r) => (r.first ? `${r.first} — ${r.last}` : '—') },
              { title: t('benchmarks.updated'), dataIndex: 'updatedAt', width: 170, render: (v: string) => f.instant(v) },
            ]}
          />
        )}
      </QueryState>
      <FormModal<Values>
        title={t('benchmarks.import')}
        open={open}
        onClose={() => setOpen(false)}
        names={['code', 'nameZh', 'nameEn', 'source', 'rows']}
        testId="index-form"
        width={640}
        submit={async (v) => {
          await importIndex.mutateAsync({ code: v.code, nameZh: v.nameZh, nameEn: v.nameEn, source: v.source, rows: parseIndexCsv(v.csv ?? '').rows });
          await qc.invalidateQueries(trpc.benchmark.pathFilter());
          await qc.invalidateQueries(trpc.performance.pathFilter());
          await qc.invalidateQueries(trpc.lp.pathFilter());
        }}
      >
        {(form) => (
          <ImportFields
            form={form}
            rules={{ code: zodRule(s.code, t), nameZh: zodRule(s.nameZh, t), nameEn: zodRule(s.nameEn, t), source: zodRule(s.source, t) }}
          />
        )}
      </FormModal>
    </Page>
  );
}

function ImportFields(props: { form: ReturnType<typeof Form.useForm<Values>>[0]; rules: Record<'code' | 'nameZh' | 'nameEn' | 'source', object> }) {
  const { t } = useTranslation('performance');
  const csv = Form.useWatch('csv', props.form) ?? '';
  const parsed = parseIndexCsv(csv);
  return (
    <>
      <Form.Item name="code" label={t('benchmarks.code')} rules={[props.rules.code]} tooltip={t('benchmarks.codeHint')}>
        <Input maxLength={20} data-testid="index-code" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="nameZh" label={t('benchmarks.nameZh')} rules={[props.rules.nameZh]}>
        <Input data-testid="index-name-zh" />
      </Form.Item>
      <Form.Item name="nameEn" label={t('benchmarks.nameEn')} rules={[props.rules.nameEn]}>
        <Input data-testid="index-name-en" />
      </Form.Item>
      <Form.Item name="source" label={t('benchmarks.source')} rules={[props.rules.source]}>
        <Input data-testid="index-source" placeholder={t('benchmarks.sourceHint')} />
      </Form.Item>
      <Form.Item
        name="csv"
        label={t('benchmarks.levels')}
        extra={
          <Typography.Text type={parsed.issues.length ? 'danger' : 'secondary'} data-testid="index-parse">
            {t('benchmarks.parsed', { rows: parsed.rows.length, issues: parsed.issues.length })}
          </Typography.Text>
        }
        rules={[
          {
            // The value given, not the last render's parse: a paste followed at once by Save must be checked as pasted.
            validator: async (_: unknown, value: string | undefined) => {
              const checked = parseIndexCsv(value ?? '');
              if (checked.issues.length)
                throw new Error(
                  checked.issues
                    .slice(0, 5)
                    .map((i) => t('benchmarks.lineIssue', { line: i.line, rule: t(`benchmarks.rules.${i.rule}`), text: i.text }))
                    .join(t('common:issueSeparator')),
                );
              if (!checked.rows.length) throw new Error(t('benchmarks.noRows'));
            },
          },
        ]}
      >
        <Input.TextArea
          rows={8}
          placeholder={'日期,收盘\n2024-01-31,1000.50\n2024-02-29,1012.30'}
          data-testid="index-csv"
          style={{ fontFamily: 'monospace' }}
        />
      </Form.Item>
    </>
  );
}
