import { canWritePlan, label, LISTING_PHASES, LISTING_STANDARDS } from '@highland/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Drawer, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/ui/query-state.js';
import { useFormat } from '../../../lib/format.js';
import { useSession } from '../../../lib/session.js';
import { useTRPC } from '../../../lib/trpc.js';
import { COMMITTEE_COLOR, useLabels } from '../kit.js';
import { EditModal } from './edit-modal.js';
import type { Detail } from './listings-kit.js';
import { RecordForm } from './record-form.js';

export function DetailDrawer(props: { id: number; asOf: string; onClose: () => void }) {
  const { t } = useTranslation('plan');
  const trpc = useTRPC();
  const q = useQuery(trpc.listing.detail.queryOptions({ id: props.id, asOf: props.asOf }));
  const labels = useLabels();
  return (
    <Drawer
      open
      size={980}
      onClose={props.onClose}
      destroyOnHidden
      data-testid="listing-detail"
      title={
        q.data
          ? `${q.data.nameZh} · ${t('listings.attempt', { n: q.data.attemptNo })} · ${q.data.stage ? labels.event(q.data.stage) : ''}`
          : t('listings.detail')
      }
    >
      <QueryState query={q}>{(d) => <DetailBody d={d} />}</QueryState>
    </Drawer>
  );
}

export function DetailBody(props: { d: Detail }) {
  const { t } = useTranslation('plan');
  const f = useFormat();
  const labels = useLabels();
  const actor = useSession().data;
  const d = props.d;
  const [editing, setEditing] = useState(false);
  const canWrite = actor ? canWritePlan(actor) : false;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions
        size="small"
        bordered
        column={2}
        extra={
          canWrite ? (
            <Button size="small" onClick={() => setEditing(true)}>
              {t('listings.edit')}
            </Button>
          ) : null
        }
      >
        <Descriptions.Item label={t('listings.sponsor')}>{d.sponsor}</Descriptions.Item>
        <Descriptions.Item label={t('listings.listingStandard')}>
          {label(LISTING_STANDARDS[d.listingStandard], f.locale)}
          {d.standard.marketValueMet === false ? <Tag color="orange">{t('listings.marketValueBelow')}</Tag> : null}
          {d.standard.fifthStandardEligible ? <Tag color="green">{t('listings.fifthEligible')}</Tag> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('listings.plannedRaise')}>{f.money(d.plannedRaiseFen)}</Descriptions.Item>
        <Descriptions.Item label={t('listings.expectedMarketValue')}>
          {d.expectedMarketValueFen === null ? '—' : f.money(d.expectedMarketValueFen)}
        </Descriptions.Item>
        <Descriptions.Item label={t('sector')}>{labels.sector(d.sector)}</Descriptions.Item>
        <Descriptions.Item label={t('zone')}>{labels.zone(d.zone)}</Descriptions.Item>
      </Descriptions>
      {d.acceptedDays ? (
        <Alert type="info" showIcon title={t('listings.acceptedToListed', { calendar: d.acceptedDays.calendar, active: d.acceptedDays.active })} />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('listings.stages')}>
            <Table
              size="small"
              rowKey={(r) => `${r.stage}-${r.from}`}
              pagination={false}
              dataSource={d.timeline.stages.filter((s) => s.stage !== 'listed')}
              data-testid="stage-table"
              columns={[
                {
                  title: t('listings.stage'),
                  dataIndex: 'stage',
                  render: (s: string, r) => (
                    <Space size={4}>
                      {labels.event(s)}
                      {r.meetings.map((m) => (
                        <Tag key={m.date} color={COMMITTEE_COLOR[m.outcome]}>
                          {m.date} {labels.outcome(m.outcome)}
                        </Tag>
                      ))}
                    </Space>
                  ),
                },
                { title: t('listings.from'), dataIndex: 'from' },
                { title: t('listings.to'), dataIndex: 'to', render: (v: string | null) => v ?? <Tag color="blue">{t('listings.current')}</Tag> },
                { title: t('listings.calendarDays'), dataIndex: 'calendarDays', align: 'right' },
                { title: t('listings.activeDays'), dataIndex: 'activeDays', align: 'right' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('listings.phases')}>
            <Table
              size="small"
              rowKey="phase"
              pagination={false}
              dataSource={d.timeline.phases}
              columns={[
                { title: t('listings.phase'), dataIndex: 'phase', render: (p: keyof typeof LISTING_PHASES) => labels.phase(p) },
                { title: t('listings.clockDays'), dataIndex: 'activeDays', align: 'right' },
                {
                  title: t('listings.typical'),
                  dataIndex: 'typicalDays',
                  align: 'right',
                  render: (v: number | null, r) => <span title={label(LISTING_PHASES[r.phase].source, f.locale)}>{v ?? '—'}</span>,
                },
                {
                  title: t('listings.over'),
                  dataIndex: 'overDays',
                  align: 'right',
                  render: (v: number | null) => (v === null ? '—' : <span style={{ color: v > 0 ? '#dc2626' : '#16a34a' }}>{v > 0 ? `+${v}` : v}</span>),
                },
              ]}
            />
            {d.timeline.suspensions.length ? (
              <div style={{ marginTop: 12 }}>
                <Typography.Text strong>{t('listings.suspensions')}</Typography.Text>
                {d.timeline.suspensions.map((s) => (
                  <div key={s.from} style={{ fontSize: 12 }}>
                    {s.from} – {s.to ?? t('listings.current')} · {t('days', { n: s.days })}
                  </div>
                ))}
              </div>
            ) : null}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('listings.events')}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={d.events}
          data-testid="event-table"
          columns={[
            { title: t('date'), dataIndex: 'date' },
            {
              title: t('listings.kind'),
              dataIndex: 'kind',
              render: (k: string, r) => (
                <Space size={4}>
                  {labels.event(k)}
                  {r.outcome ? <Tag color={COMMITTEE_COLOR[r.outcome]}>{labels.outcome(r.outcome)}</Tag> : null}
                  {r.afterAsOf ? <Tag>{t('listings.afterAsOf')}</Tag> : null}
                </Space>
              ),
            },
            { title: t('note'), dataIndex: 'note', render: (n: string | null) => n ?? '' },
            { title: t('listings.recordedBy'), dataIndex: 'by', render: (n: string | null) => n ?? t('designations.system') },
          ]}
        />
        {canWrite ? <RecordForm d={d} /> : null}
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('listings.otherAttempts')}>
            {d.attempts.map((a) => (
              <div key={a.id} style={{ fontSize: 13 }}>
                {t('listings.attempt', { n: a.attemptNo })} · {a.openedOn} – {a.closedOn ?? t('listings.current')}{' '}
                {a.outcome ? (
                  <Tag>
                    {a.outcome === 'listed' ? labels.event('listed') : a.outcome === 'terminated' ? labels.event('terminated') : labels.outcome('rejected')}
                  </Tag>
                ) : null}
              </div>
            ))}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('listings.subsidies')}>
            {d.subsidies.length
              ? d.subsidies.map((s) => (
                  <div key={s.id} style={{ fontSize: 13 }}>
                    {labels.event(s.milestone ?? '')} · {f.money(s.appliedFen)} · {labels.supportStatus(s.status)}
                  </div>
                ))
              : '—'}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('listings.consulting')}>
            {d.sessions.length
              ? d.sessions.map((s) => (
                  <div key={s.id} style={{ fontSize: 13 }}>
                    {s.date} · {s.topic}
                  </div>
                ))
              : '—'}
          </Card>
        </Col>
      </Row>
      <EditModal d={editing ? d : null} onClose={() => setEditing(false)} />
    </Space>
  );
}
