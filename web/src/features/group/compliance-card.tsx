import type { ComplianceFlag, SubFundRow } from '@highland/shared';
import { Link } from '@tanstack/react-router';
import { Card, Empty, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.js';
import { FlagTag, flagDetail } from './flags.js';

/** The compliance list: what triggered each flag and since when, oldest first. */
export function ComplianceCard(props: { flags: ComplianceFlag[]; funds: SubFundRow[] }) {
  const { t } = useTranslation('group');
  const f = useFormat();
  const fund = (id: number) => props.funds.find((x) => x.id === id);
  return (
    <Card size="small" title={t('compliance')} data-testid="compliance-card">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('complianceSub')}
      </Typography.Paragraph>
      {props.flags.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noCompliance')} />
      ) : (
        <Table<ComplianceFlag>
          size="small"
          rowKey={(r) => `${r.fundId}-${r.trigger}`}
          data-testid="compliance-table"
          dataSource={props.flags}
          pagination={props.flags.length > 12 ? { pageSize: 12, showSizeChanger: false } : false}
          columns={[
            { title: t('flagSince'), dataIndex: 'since', width: 110, render: (d: string) => <span className="num">{d}</span> },
            {
              title: t('name'),
              key: 'fund',
              render: (_: unknown, r) => {
                const x = fund(r.fundId);
                return x ? (
                  <Link to="/funds/$fundId" params={{ fundId: String(x.id) }}>
                    {x.code} {f.name(x)}
                  </Link>
                ) : (
                  r.fundId
                );
              },
            },
            { title: t('trigger'), dataIndex: 'trigger', width: 170, render: (_: unknown, r) => <FlagTag trigger={r.trigger} /> },
            { title: t('detail'), key: 'detail', render: (_: unknown, r) => flagDetail(r, t, f) },
          ]}
        />
      )}
    </Card>
  );
}
