import { canWritePlan, SUPPORT_KIND_CODES, SUPPORT_STATUS_CODES, type SupportKind } from '@highland/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/ui/query-state.js';
import { useFormat } from '../../../lib/format.js';
import { useSession } from '../../../lib/session.js';
import { useTRPC } from '../../../lib/trpc.js';
import { useLabels } from '../kit.js';
import { DecideModal } from './decide-modal.js';
import { PayModal } from './pay-modal.js';
import { type Item, STATUS_COLOR, KIND_COLOR } from './support-kit.js';

export function Records(props: { asOf: string }) {
  const { t } = useTranslation('plan');
  const f = useFormat();
  const labels = useLabels();
  const trpc = useTRPC();
  const actor = useSession().data;
  const [kind, setKind] = useState<SupportKind | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const q = useQuery(trpc.support.list.queryOptions({ asOf: props.asOf, kind, status: status as 'paid' | undefined }));
  const [deciding, setDeciding] = useState<Item | null>(null);
  const [paying, setPaying] = useState<Item | null>(null);
  const unit = f.tableUnit();
  const money = (v: number | null) => (v === null ? '—' : <span className="num">{f.moneyCell(v, unit)}</span>);
  const manager = actor ? canWritePlan(actor) : false;
  const actions = manager
    ? [
        {
          title: t('common:actions'),
          key: 'a',
          render: (_: unknown, r: Item) =>
            r.status === 'applied' ? (
              <Button size="small" onClick={() => setDeciding(r)} data-testid={`decide-${r.id}`}>
                {t('support.decide')}
              </Button>
            ) : r.status === 'approved' ? (
              <Button size="small" onClick={() => setPaying(r)} data-testid={`pay-${r.id}`}>
                {t('support.pay')}
              </Button>
            ) : null,
        },
      ]
    : [];
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <Select
            allowClear
            style={{ width: 240 }}
            placeholder={t('support.allKinds')}
            value={kind}
            onChange={setKind}
            options={SUPPORT_KIND_CODES.map((k) => ({ value: k, label: labels.supportKind(k) }))}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('support.allStatuses')}
            value={status}
            onChange={setStatus}
            options={SUPPORT_STATUS_CODES.map((s) => ({ value: s, label: labels.supportStatus(s) }))}
          />
        </Space>
      }
      extra={<Typography.Text type="secondary">{t('common:unit', { unit: f.unitLabel(unit) })}</Typography.Text>}
    >
      <QueryState query={q}>
        {(d) => (
          <Table
            size="small"
            rowKey="id"
            dataSource={d.items}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            data-testid="support-table"
            expandable={{
              rowExpandable: (r) => !!r.recipients?.length || !!r.decisionNote,
              expandedRowRender: (r) => (
                <div style={{ fontSize: 13 }}>
                  {r.recipients?.map((p) => (
                    <Tag key={p.name}>
                      {p.name}
                      {p.role ? t('common:withUnit', { label: '', unit: p.role }).trim() : ''} {f.money(p.amountFen, { unit: 'wan' })}
                    </Tag>
                  ))}
                  {r.decisionNote ? <div style={{ marginTop: 6 }}>{r.decisionNote}</div> : null}
                </div>
              ),
            }}
            columns={[
              { title: t('firm'), key: 'n', render: (_: unknown, r: Item) => f.name(r) },
              {
                title: t('support.kind'),
                dataIndex: 'kind',
                render: (k: SupportKind, r: Item) => (
                  <Space size={2} orientation="vertical">
                    <Tag color={KIND_COLOR[k]}>{labels.supportKind(k)}</Tag>
                    {r.firstSetKind ? <span style={{ fontSize: 12 }}>{labels.firstSet(r.firstSetKind)}</span> : null}
                    {r.milestone ? <span style={{ fontSize: 12 }}>{labels.event(r.milestone)}</span> : null}
                  </Space>
                ),
              },
              { title: t('support.item'), dataIndex: 'title', render: (v: string, r: Item) => <span title={r.reference ?? ''}>{v}</span> },
              { title: t('support.appliedOn'), dataIndex: 'appliedOn', render: (d: string) => <span className="num">{d}</span> },
              { title: t('support.applied'), dataIndex: 'appliedFen', align: 'right', render: money },
              {
                title: t('support.cap'),
                dataIndex: 'capFen',
                align: 'right',
                render: (v: number, r: Item) => (
                  <span title={t(`support.capRules.${r.capRule}`)} className="num">
                    {f.moneyCell(v, unit)}
                  </span>
                ),
              },
              { title: t('support.approved'), dataIndex: 'approvedFen', align: 'right', render: money },
              { title: t('support.paid'), dataIndex: 'paidFen', align: 'right', render: money },
              { title: t('support.status'), dataIndex: 'status', render: (s: string) => <Tag color={STATUS_COLOR[s]}>{labels.supportStatus(s)}</Tag> },
              ...actions,
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={5}>
                  <strong>{t('common:withUnit', { label: t('scoreboard.total'), unit: d.totals.count })}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {money(d.totals.appliedFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} />
                <Table.Summary.Cell index={3} align="right">
                  {money(d.totals.approvedFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {money(d.totals.paidFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} colSpan={manager ? 2 : 1} />
              </Table.Summary.Row>
            )}
          />
        )}
      </QueryState>
      <DecideModal item={deciding} onClose={() => setDeciding(null)} />
      <PayModal item={paying} onClose={() => setPaying(null)} />
    </Card>
  );
}
