import { Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format.js';
import type { FundDetail } from './types.js';

/** NAV statements the fund's administrator reported. */
export function NavTab({ d }: { d: FundDetail }) {
  const { t } = useTranslation('group');
  const f = useFormat();
  return d.navs.length ? (
    <Table
      size="small"
      rowKey="id"
      dataSource={d.navs}
      pagination={false}
      columns={[
        { title: t('f.date'), dataIndex: 'date', width: 120 },
        { title: t('f.nav'), dataIndex: 'navFen', align: 'right', render: (v: number) => f.money(v) },
        { title: t('f.source'), dataIndex: 'source' },
      ]}
    />
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
  );
}
