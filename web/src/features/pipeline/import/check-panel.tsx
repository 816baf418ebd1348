import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format.js';
import type { Issue, CheckResult } from './import-types.js';

export function CheckPanel(props: { check: CheckResult; issueText: (i: Issue) => string; fieldName: (k: string | null) => string }) {
  const { t } = useTranslation('pipeline');
  const f = useFormat();
  const c = props.check;
  return (
    <Card size="small" title={t('checkTitle')} style={{ marginBottom: 16 }} data-testid="import-check-result">
      <Space wrap size={[16, 8]} style={{ marginBottom: 12 }}>
        <Tag>{t('rowsN', { n: f.number(c.rows) })}</Tag>
        <Tag color="blue">{t('newDealsN', { n: f.number(c.dealsNew) })}</Tag>
        <Tag color="cyan">{t('updatedN', { n: f.number(c.dealsUpdated) })}</Tag>
        <Tag>{t('unchangedN', { n: f.number(c.dealsUnchanged) })}</Tag>
        <Tag color="geekblue">{t('newCompaniesN', { n: f.number(c.newCompanies) })}</Tag>
        {c.folded.length ? <Tag color="gold">{t('foldedN', { n: c.folded.length })}</Tag> : null}
      </Space>
      {c.issueCount === 0 ? (
        <Alert type="success" showIcon title={t('checkClean')} data-testid="import-clean" />
      ) : (
        <>
          <Alert
            type="error"
            showIcon
            title={t('checkIssues', { n: f.number(c.issueCount) })}
            description={c.issueCount > c.issues.length ? t('issuesCapped', { n: f.number(c.issues.length) }) : t('nothingWritten')}
            style={{ marginBottom: 8 }}
            data-testid="import-issue-count"
          />
          <Table
            size="small"
            rowKey={(i) => `${i.row}-${i.column}-${i.rule}`}
            dataSource={c.issues}
            pagination={{ pageSize: 20, showSizeChanger: false, size: 'small' }}
            data-testid="import-issues"
            columns={[
              { title: t('issueRow'), dataIndex: 'row', width: 64, render: (n: number) => <span className="num">{n}</span> },
              { title: t('issueColumn'), dataIndex: 'column', width: 64, render: (s: string) => s || '—' },
              { title: t('issueField'), dataIndex: 'field', width: 140, render: (k: string | null) => props.fieldName(k) || '—' },
              { title: t('issueRule'), key: 'rule', render: (_: unknown, i: Issue) => props.issueText(i) },
            ]}
          />
        </>
      )}
      {c.folded.length ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('foldedList', {
            rows: c.folded
              .slice(0, 20)
              .map((x) => t('foldedPair', { row: x.row, first: x.sameAs }))
              .join(t('common:issueSeparator')),
          })}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
