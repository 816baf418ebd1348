import { INVESTOR_SOURCES, label, type TargetMetric } from '@highland/shared';
import { useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { Drawer, Empty, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/ui/query-state.js';
import { useFormat } from '../../../lib/format.js';
import { type AppRouter, useTRPC } from '../../../lib/trpc.js';
import { STATUS_COLOR, useLabels } from '../kit.js';

export type Drill = inferRouterOutputs<AppRouter>['scoreboard']['drill'];

export function DrillDrawer(props: { programmeId: number; metric: TargetMetric; asOf: string; onClose: () => void }) {
  const { t } = useTranslation('plan');
  const labels = useLabels();
  const trpc = useTRPC();
  const q = useQuery(trpc.scoreboard.drill.queryOptions({ programmeId: props.programmeId, metric: props.metric, asOf: props.asOf }));
  return (
    <Drawer
      open
      size={1040}
      onClose={props.onClose}
      title={t('scoreboard.drillTitle', { metric: labels.metric(props.metric), date: props.asOf })}
      data-testid="drill-drawer"
      destroyOnHidden
    >
      <QueryState query={q}>{(d) => <DrillBody drill={d} />}</QueryState>
    </Drawer>
  );
}

export function DrillBody(props: { drill: Drill }) {
  const { t } = useTranslation('plan');
  const f = useFormat();
  const labels = useLabels();
  const d = props.drill;
  const unit = f.tableUnit(true);
  const money = (v: number | null) => (v === null ? '—' : <span className="num">{f.moneyCell(v, unit)}</span>);
  const unitNote = <Typography.Text type="secondary">{t('common:unit', { unit: f.unitLabel(unit) })}</Typography.Text>;
  if (d.kind === 'investors')
    return (
      <Table
        size="small"
        rowKey={(r) => `${r.investorId}-${r.date}`}
        pagination={false}
        dataSource={d.rows}
        title={() => unitNote}
        data-testid="drill-table"
        columns={[
          { title: t('scoreboard.investor'), dataIndex: f.locale === 'en' ? 'nameEn' : 'nameZh' },
          {
            title: t('scoreboard.source_'),
            dataIndex: 'sourceType',
            render: (s: string) => label(INVESTOR_SOURCES[s as keyof typeof INVESTOR_SOURCES], f.locale),
          },
          { title: t('date'), dataIndex: 'date' },
          { title: t('scoreboard.committed'), dataIndex: 'fen', align: 'right', render: money },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>
              {t('scoreboard.total')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {money(d.totalFen)}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    );
  if (d.kind === 'funds')
    return (
      <Table
        size="small"
        rowKey="fundId"
        pagination={false}
        dataSource={d.rows}
        title={() => unitNote}
        data-testid="drill-table"
        columns={[
          { title: t('scoreboard.fund'), key: 'f', render: (_: unknown, r) => `${r.code} ${f.name(r)}` },
          { title: t('scoreboard.batch'), dataIndex: 'batch', render: (b: number | null) => b ?? '—' },
          { title: t('scoreboard.countedSize'), dataIndex: 'fen', align: 'right', render: money },
        ]}
        summary={() => (
          <>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                {t('scoreboard.directInvestments')}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {money(d.motherDirectFen)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                <strong>{t('scoreboard.total')}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <strong>{money(d.totalFen)}</strong>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          </>
        )}
      />
    );
  const firmCols = [
    { title: t('firm'), key: 'n', render: (_: unknown, r: (typeof d.rows)[number]) => f.name(r) },
    { title: t('sector'), dataIndex: 'sector', render: labels.sector },
    { title: t('zone'), dataIndex: 'zone', render: labels.zone },
  ];
  const holders = { title: t('heldBy'), dataIndex: 'holders', render: (h: string[]) => h.map((c) => <Tag key={c}>{c}</Tag>) };
  if (d.metric === 'output_value') {
    const year = d.year ?? 0;
    return (
      <Tabs
        items={[
          {
            key: 'firms',
            label: t('common:withUnit', { label: t('scoreboard.firms'), unit: d.rows.length }),
            children: (
              <Table
                size="small"
                rowKey="companyId"
                dataSource={d.rows}
                pagination={{ pageSize: 50, showSizeChanger: false }}
                title={() => unitNote}
                data-testid="drill-table"
                columns={[
                  ...firmCols,
                  { title: t('scoreboard.outputValue', { year }), dataIndex: 'valueFen', align: 'right' as const, render: money },
                  holders,
                ]}
                summary={() => (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0} colSpan={3}>
                      <strong>{t('scoreboard.total')}</strong>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={1} align="right">
                      <strong>{money(d.totalFen)}</strong>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={2} />
                  </Table.Summary.Row>
                )}
              />
            ),
          },
          {
            key: 'gaps',
            label: t('scoreboard.gaps', { n: d.gaps.length }),
            children: (
              <>
                <Typography.Paragraph type="secondary">{t('scoreboard.gapsHint', { year })}</Typography.Paragraph>
                {d.gaps.length ? (
                  <Table
                    size="small"
                    rowKey="companyId"
                    dataSource={d.gaps}
                    pagination={false}
                    data-testid="gaps-table"
                    columns={[
                      ...firmCols,
                      { title: t('scoreboard.lastYear'), dataIndex: 'lastYear', render: (y: number | null) => y ?? '—' },
                      { title: t('scoreboard.lastValue'), dataIndex: 'valueFen', align: 'right' as const, render: money },
                      holders,
                    ]}
                  />
                ) : (
                  <Empty />
                )}
              </>
            ),
          },
        ]}
      />
    );
  }
  if (d.metric === 'star_listings')
    return (
      <Table
        size="small"
        rowKey="companyId"
        dataSource={d.rows}
        pagination={false}
        title={() => unitNote}
        data-testid="drill-table"
        columns={[
          ...firmCols,
          { title: t('scoreboard.listedOn'), dataIndex: 'date' },
          { title: t('scoreboard.sponsor'), dataIndex: 'sponsor' },
          { title: t('scoreboard.standard'), dataIndex: 'listingStandard', render: (n: number) => t('listings.standardN', { n }) },
          { title: t('scoreboard.plannedRaise'), dataIndex: 'valueFen', align: 'right' as const, render: money },
          {
            title: t('scoreboard.acceptedDays'),
            dataIndex: 'acceptedDays',
            align: 'right' as const,
            render: (n: number | null) => (n === null ? '—' : t('days', { n })),
          },
        ]}
      />
    );
  return (
    <Table
      size="small"
      rowKey="companyId"
      dataSource={d.rows}
      pagination={{ pageSize: 50, showSizeChanger: false }}
      data-testid="drill-table"
      columns={[
        ...firmCols,
        { title: t('scoreboard.effectiveOn'), dataIndex: 'date' },
        holders,
        {
          title: t('scoreboard.criteria'),
          dataIndex: 'criteria',
          render: (c: string[] | undefined) =>
            (c ?? []).map((x) => (
              <Tag key={x} color={STATUS_COLOR.on_track}>
                {labels.criterion(x)}
              </Tag>
            )),
        },
      ]}
    />
  );
}
