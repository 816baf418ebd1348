import { KPI_METRICS, label } from '@highland/shared';
import { Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format.js';
import type { Position } from './types.js';

export function Kpis({ data: d }: { data: Position }) {
  const { t, i18n } = useTranslation('position');
  const f = useFormat();
  const unit = f.tableUnit();
  const money = (v: number | null) => <span className="num">{v === null ? '—' : f.moneyCell(v, unit)}</span>;
  const count = (v: number | null) => <span className="num">{v === null ? '—' : f.number(v)}</span>;
  return (
    <Card
      size="small"
      title={t('kpiTitle')}
      extra={<Typography.Text type="secondary">{t('common:unit', { unit: f.unitLabel(unit) })}</Typography.Text>}
      style={{ marginTop: 16 }}
    >
      <Table
        size="small"
        rowKey="id"
        data-testid="kpi-table"
        dataSource={[...d.kpis].reverse()}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        locale={{ emptyText: t('noKpi') }}
        columns={[
          {
            title: t('period'),
            dataIndex: 'period',
            width: 110,
            render: (p: string, r) => (
              <Space size={4}>
                {p}
                {r.revisions > 1 ? <Tag>{t('revisions', { n: r.revisions - 1 })}</Tag> : null}
              </Space>
            ),
          },
          { title: t('cumulative'), dataIndex: 'cumulative', width: 110, render: (c: boolean) => (c ? t('cumulativeYes') : t('cumulativeNo')) },
          { title: label(KPI_METRICS.revenueFen, i18n.language), dataIndex: 'revenueFen', align: 'right', render: money },
          { title: label(KPI_METRICS.outputValueFen, i18n.language), dataIndex: 'outputValueFen', align: 'right', render: money },
          { title: label(KPI_METRICS.rndFen, i18n.language), dataIndex: 'rndFen', align: 'right', render: money },
          { title: label(KPI_METRICS.headcount, i18n.language), dataIndex: 'headcount', align: 'right', render: count },
          { title: label(KPI_METRICS.patents, i18n.language), dataIndex: 'patents', align: 'right', render: count },
          { title: label(KPI_METRICS.taxFen, i18n.language), dataIndex: 'taxFen', align: 'right', render: money },
        ]}
      />
    </Card>
  );
}
