import { SUPPORT_KIND_CODES, type SupportTotalDimension } from '@highland/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Segmented, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '../../../components/ui/chart.js';
import { QueryState } from '../../../components/ui/query-state.js';
import { useFormat } from '../../../lib/format.js';
import { useTRPC } from '../../../lib/trpc.js';
import { useLabels } from '../kit.js';
import { KIND_COLOR } from './support-kit.js';

export function Totals(props: { asOf: string }) {
  const { t } = useTranslation('plan');
  const f = useFormat();
  const labels = useLabels();
  const trpc = useTRPC();
  const [by, setBy] = useState<SupportTotalDimension>('zone');
  const q = useQuery(trpc.support.totals.queryOptions({ by, asOf: props.asOf }));
  const unit = f.tableUnit();
  const money = (v: number) => <span className="num">{f.moneyCell(v, unit)}</span>;
  const chart = useMemo<ChartOption | null>(() => {
    if (!q.data) return null;
    const rows = q.data.rows.slice(0, 15);
    const name = (r: (typeof rows)[number]) => (f.locale === 'en' ? r.labelEn : r.labelZh);
    return {
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${f.number(v, 2)} ${f.unitLabel(unit)}` },
      legend: { bottom: 0, itemWidth: 14, textStyle: { fontSize: 11 } },
      grid: { left: 180, right: 24, top: 8, bottom: 76 },
      xAxis: { type: 'value', axisLabel: { fontSize: 10 } },
      yAxis: { type: 'category', inverse: true, data: rows.map(name), axisLabel: { width: 170, overflow: 'truncate' } },
      series: SUPPORT_KIND_CODES.map((k) => ({
        name: labels.supportKind(k),
        type: 'bar',
        stack: 'paid',
        itemStyle: { color: KIND_COLOR[k] },
        data: rows.map((r) => f.moneyValue(r.paidByKind[k] ?? 0, unit)),
      })),
    };
  }, [q.data, f, labels, unit]);
  return (
    <Card
      size="small"
      title={
        <Segmented
          value={by}
          onChange={(v) => setBy(v as SupportTotalDimension)}
          data-testid="totals-by"
          options={[
            { value: 'company', label: t('support.byCompany') },
            { value: 'fund', label: t('support.byFund') },
            { value: 'zone', label: t('support.byZone') },
            { value: 'year', label: t('support.byYear') },
          ]}
        />
      }
      extra={<Typography.Text type="secondary">{t('common:unit', { unit: f.unitLabel(unit) })}</Typography.Text>}
    >
      <QueryState query={q}>
        {(d) => (
          <Row gutter={16}>
            <Col xs={24} xl={13}>
              {d.overlapping ? <Alert type="info" showIcon title={t('support.fundOverlap')} style={{ marginBottom: 8 }} /> : null}
              {d.by === 'year' ? <Alert type="info" showIcon title={t('support.yearNote')} style={{ marginBottom: 8 }} /> : null}
              <Table
                size="small"
                rowKey="key"
                dataSource={d.rows}
                pagination={{ pageSize: 15, showSizeChanger: false }}
                data-testid="totals-table"
                columns={[
                  { title: t('support.key'), key: 'k', render: (_: unknown, r) => (f.locale === 'en' ? r.labelEn : r.labelZh) },
                  { title: t('support.count'), dataIndex: 'count', align: 'right' },
                  { title: t('support.applied'), dataIndex: 'appliedFen', align: 'right', render: money },
                  { title: t('support.approved'), dataIndex: 'approvedFen', align: 'right', render: money },
                  { title: t('support.paid'), dataIndex: 'paidFen', align: 'right', render: money },
                  { title: t('support.sessions'), dataIndex: 'sessions', align: 'right' },
                ]}
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>
                      <strong>{t('scoreboard.total')}</strong>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={1} align="right">
                      {d.totals.count}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2} align="right">
                      {money(d.totals.appliedFen)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={3} align="right">
                      {money(d.totals.approvedFen)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={4} align="right">
                      {money(d.totals.paidFen)}
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={5} align="right">
                      {d.totals.sessions}
                    </Table.Summary.Cell>
                  </Table.Summary.Row>
                )}
              />
            </Col>
            <Col xs={24} xl={11}>
              <Typography.Text strong>{t('support.chart')}</Typography.Text>
              {chart ? <Chart option={chart} height={Math.max(280, Math.min(15, d.rows.length) * 26 + 80)} testId="totals-chart" /> : null}
            </Col>
          </Row>
        )}
      </QueryState>
    </Card>
  );
}
