import { PlusOutlined } from '@ant-design/icons';
import { canReviewDesignations, canWritePlan, DESIGNATION_LEVEL_CODES, DESIGNATION_STATUS_CODES } from '@highland/shared';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Button, Card, Col, Row, Segmented, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsOfPicker, todayIso } from '../../components/ui/as-of-picker.js';
import { Page } from '../../components/ui/page.js';
import { QueryState } from '../../components/ui/query-state.js';
import { Stat } from '../../components/ui/stat.js';
import { useFormat } from '../../lib/format.js';
import { useSession } from '../../lib/session.js';
import { useTRPC } from '../../lib/trpc.js';
import { useLabels } from './kit.js';
import { type Item, STATUS_COLOR, LEVEL_COLOR } from './designations/designations-kit.js';
import { Detail } from './designations/detail.js';
import { NominateModal } from './designations/nominate-modal.js';
import { ReviewModal } from './designations/review-modal.js';
import { RevokeModal } from './designations/revoke-modal.js';

const route = getRouteApi('/designations');

/** Benchmark and leader firms: counts in force as of a date, nominations, reviews, revocations and history. */
export function DesignationsPage() {
  const { t } = useTranslation('plan');
  const f = useFormat();
  const labels = useLabels();
  const trpc = useTRPC();
  const actor = useSession().data;
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const asOf = search.asOf ?? todayIso();
  const [level, setLevel] = useState<string>('all');
  const [status, setStatus] = useState<string | undefined>(undefined);
  const q = useQuery(
    trpc.designation.list.queryOptions({
      asOf,
      level: level === 'all' ? undefined : (level as 'leader' | 'benchmark'),
      status: status as 'nominated' | undefined,
    }),
  );
  const [nominating, setNominating] = useState(false);
  const [reviewing, setReviewing] = useState<Item | null>(null);
  const [revoking, setRevoking] = useState<Item | null>(null);
  const isManager = actor ? canWritePlan(actor) : false;
  const reviewer = actor ? canReviewDesignations(actor) : false;
  return (
    <Page
      title={t('designations.title')}
      subtitle={t('designations.sub')}
      extra={
        <Space>
          <AsOfPicker value={asOf} onChange={(d) => void navigate({ search: { asOf: d } })} />
          {isManager ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setNominating(true)} data-testid="nominate">
              {t('designations.nominate')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <QueryState query={q}>
        {(d) => (
          <>
            <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
              <Col xs={24} md={8}>
                <Stat testId="count-leader" label={t('designations.leaders')} value={f.number(d.counts.leader)} />
              </Col>
              <Col xs={24} md={8}>
                <Stat testId="count-benchmark" label={t('designations.benchmarks')} value={f.number(d.counts.benchmark)} />
              </Col>
              <Col xs={24} md={8}>
                <Stat testId="count-pending" label={t('designations.pending')} value={f.number(d.counts.pending)} />
              </Col>
            </Row>
            <Card
              size="small"
              title={
                <Space wrap>
                  <Segmented
                    value={level}
                    onChange={(v) => setLevel(String(v))}
                    options={[
                      { value: 'all', label: t('designations.allLevels') },
                      ...DESIGNATION_LEVEL_CODES.map((l) => ({ value: l, label: labels.level(l) })),
                    ]}
                  />
                  <Select
                    allowClear
                    style={{ width: 160 }}
                    placeholder={t('designations.allStatuses')}
                    value={status}
                    onChange={setStatus}
                    options={DESIGNATION_STATUS_CODES.map((s) => ({ value: s, label: labels.designationStatus(s) }))}
                    data-testid="status-filter"
                  />
                </Space>
              }
            >
              <Table
                size="small"
                rowKey="id"
                dataSource={d.items}
                pagination={{ pageSize: 20, showSizeChanger: false }}
                data-testid="designations-table"
                expandable={{ expandedRowRender: (r) => <Detail item={r} /> }}
                columns={[
                  { title: t('firm'), key: 'n', render: (_: unknown, r: Item) => (f.locale === 'en' ? (r.nameEn ?? r.nameZh) : r.nameZh) },
                  { title: t('designations.level'), dataIndex: 'level', render: (l: string) => <Tag color={LEVEL_COLOR[l]}>{labels.level(l)}</Tag> },
                  {
                    title: t('designations.status'),
                    dataIndex: 'status',
                    render: (s: string) => <Tag color={STATUS_COLOR[s]}>{labels.designationStatus(s)}</Tag>,
                  },
                  { title: t('sector'), dataIndex: 'sector', render: labels.sector },
                  { title: t('designations.nominatedOn'), dataIndex: 'nominatedOn' },
                  { title: t('designations.nominatedBy'), dataIndex: 'nominatedBy', render: (n: string | null) => n ?? t('designations.system') },
                  { title: t('designations.effectiveOn'), dataIndex: 'effectiveOn', render: (v: string | null) => v ?? '—' },
                  { title: t('designations.revokedOn'), dataIndex: 'revokedOn', render: (v: string | null) => v ?? '—' },
                  {
                    title: t('common:actions'),
                    key: 'a',
                    render: (_: unknown, r: Item) =>
                      reviewer ? (
                        <Space size={4}>
                          {r.status === 'nominated' ? (
                            r.nominatedById === actor?.userId ? (
                              <Tooltip title={t('designations.ownNomination')}>
                                <Button size="small" disabled>
                                  {t('designations.review')}
                                </Button>
                              </Tooltip>
                            ) : (
                              <Button size="small" type="primary" onClick={() => setReviewing(r)} data-testid={`review-${r.id}`}>
                                {t('designations.review')}
                              </Button>
                            )
                          ) : null}
                          {r.status === 'approved' ? (
                            <Button size="small" danger onClick={() => setRevoking(r)} data-testid={`revoke-${r.id}`}>
                              {t('designations.revoke')}
                            </Button>
                          ) : null}
                        </Space>
                      ) : null,
                  },
                ]}
              />
            </Card>
          </>
        )}
      </QueryState>
      <NominateModal open={nominating} onClose={() => setNominating(false)} />
      <ReviewModal item={reviewing} onClose={() => setReviewing(null)} />
      <RevokeModal item={revoking} onClose={() => setRevoking(null)} />
    </Page>
  );
}
