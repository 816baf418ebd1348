import { Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTableMoney } from './money.js';
import type { FundDetail } from './types.js';

/** The fund's capital calls as of the date; a writer records an LP's payment from here. */
export function CallsTab({ d, writer, onPay }: { d: FundDetail; writer: boolean; onPay: (callId: number) => void }) {
  const { t } = useTranslation('group');
  const { money, unitNote } = useTableMoney();
  return (
    <>
      {unitNote}
      <Table
        size="small"
        rowKey="id"
        data-testid="calls-table"
        dataSource={d.calls}
        pagination={false}
        columns={[
          { title: t('callNo'), dataIndex: 'callNo', width: 70, render: (n: number) => `#${n}` },
          { title: t('f.noticeDate'), dataIndex: 'noticeDate', width: 110 },
          { title: t('f.dueDate'), dataIndex: 'dueDate', width: 110 },
          { title: t('f.total'), dataIndex: 'calledFen', align: 'right', render: money },
          { title: t('paid'), dataIndex: 'paidFen', align: 'right', render: money },
          {
            title: t('outstanding'),
            key: 'out',
            align: 'right',
            render: (_: unknown, r) => <span style={{ color: r.calledFen > r.paidFen ? '#b45309' : undefined }}>{money(r.calledFen - r.paidFen)}</span>,
          },
          { title: t('f.purpose'), dataIndex: 'purpose' },
          writer
            ? {
                title: t('common:actions'),
                key: 'a',
                width: 110,
                render: (_: unknown, r) =>
                  r.calledFen > r.paidFen ? (
                    <Button size="small" type="link" data-testid={`record-payment-${r.callNo}`} onClick={() => onPay(r.id)}>
                      {t('act.contribute')}
                    </Button>
                  ) : null,
              }
            : {},
        ]}
      />
    </>
  );
}
