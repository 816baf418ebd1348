import { useQuery } from '@tanstack/react-query';
import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/ui/query-state.js';
import { useFormat } from '../../../lib/format.js';
import { useTRPC } from '../../../lib/trpc.js';

export function Consulting(props: { asOf: string }) {
  const { t } = useTranslation('plan');
  const f = useFormat();
  const trpc = useTRPC();
  const q = useQuery(trpc.support.consulting.queryOptions({ asOf: props.asOf }));
  return (
    <Card size="small">
      <QueryState query={q}>
        {(d) => (
          <Table
            size="small"
            rowKey="id"
            dataSource={d}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            data-testid="consulting-table"
            columns={[
              { title: t('date'), dataIndex: 'date' },
              { title: t('firm'), key: 'n', render: (_: unknown, r) => (f.locale === 'en' ? (r.nameEn ?? r.nameZh) : r.nameZh) },
              { title: t('support.provider'), dataIndex: 'provider' },
              { title: t('support.topic'), dataIndex: 'topic' },
              { title: t('support.hours'), dataIndex: 'hours', align: 'right', render: (h: number | null) => (h === null ? '—' : f.number(h, 1)) },
              { title: t('note'), dataIndex: 'note', render: (n: string | null) => n ?? '' },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
