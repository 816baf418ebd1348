import { useQuery } from '@tanstack/react-query';
import { Empty, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/ui/query-state.js';
import { useFormat } from '../../../lib/format.js';
import { useTRPC } from '../../../lib/trpc.js';

/** The quarterly statements the fund issued to its LPs, and whether the books still agree with each (ADR 034). */
export function StatementIssues(props: { fundId: number }) {
  const { t } = useTranslation('group');
  const f = useFormat();
  const trpc = useTRPC();
  const q = useQuery(trpc.fund.statementIssues.queryOptions({ id: props.fundId }));
  return (
    <QueryState query={q}>
      {(rows) =>
        rows.length ? (
          <Table
            size="small"
            rowKey="id"
            data-testid="statement-issues"
            dataSource={rows}
            pagination={rows.length > 20 ? { pageSize: 20 } : false}
            columns={[
              { title: t('issue.quarter'), dataIndex: 'quarter', width: 100 },
              { title: t('issue.issuedAt'), dataIndex: 'issuedAt', width: 170, render: (v: string) => f.instant(v) },
              { title: t('issue.issuedBy'), dataIndex: 'issuedBy', width: 140, render: (v: string | null) => v ?? '—' },
              { title: t('issue.lps'), dataIndex: 'lps', width: 80, align: 'right' },
              {
                title: t('issue.state'),
                key: 'state',
                width: 170,
                render: (_: unknown, r) =>
                  !r.inForce ? (
                    <Tag>{t('issue.superseded')}</Tag>
                  ) : r.agrees ? (
                    <Tag color="green">{t('issue.agrees')}</Tag>
                  ) : (
                    <Tag color="warning" data-testid={`issue-changed-${r.quarter}`}>
                      {t('issue.changed')}
                    </Tag>
                  ),
              },
              { title: t('issue.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
              { title: t('issue.digest'), dataIndex: 'digest', width: 130, render: (v: string) => <code>{v.slice(0, 12)}</code> },
            ]}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('issue.none')} />
        )
      }
    </QueryState>
  );
}
