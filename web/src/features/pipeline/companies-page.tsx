import { EditOutlined, MergeCellsOutlined, PlusOutlined } from '@ant-design/icons';
import { canEditCompanies, SECTORS, ZONES } from '@highland/shared';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Alert, App, Button, Card, Col, Descriptions, Empty, List, Popconfirm, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/ui/page.js';
import { QueryState } from '../../components/ui/query-state.js';
import { errorMessage } from '../../lib/errors.js';
import { useFormat } from '../../lib/format.js';
import { useSession } from '../../lib/session.js';
import { useTRPC } from '../../lib/trpc.js';
import { CompanyFormModal, type CompanyValues } from './company-form.js';
import { SearchBox, StageTag, useLabels } from './use-pipeline.js';

/** The company register: every firm in any pipeline, searchable, with the deals the reader may see. */
export function CompaniesPage() {
  const { t } = useTranslation('pipeline');
  const l = useLabels();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const session = useSession();
  const [q, setQ] = useState('');
  const [sector, setSector] = useState<string | undefined>();
  const [zone, setZone] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const list = useInfiniteQuery(
    trpc.company.list.infiniteQueryOptions(
      { q: q || undefined, sector: sector as never, zone: zone as never, limit: 50 },
      { getNextPageParam: (p) => p.nextCursor ?? undefined, placeholderData: (prev) => prev },
    ),
  );
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Page
      title={t('companiesTitle')}
      subtitle={t('companiesSub')}
      extra={
        session.data && canEditCompanies(session.data) ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="company-create">
            {t('newCompany')}
          </Button>
        ) : null
      }
    >
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <SearchBox value={q} onChange={setQ} placeholder={t('searchCompanies')} width={280} testId="companies-search" />
          <Select allowClear placeholder={t('sector')} style={{ width: 180 }} value={sector} onChange={setSector} options={l.options(SECTORS)} />
          <Select allowClear placeholder={t('zone')} style={{ width: 180 }} value={zone} onChange={setZone} options={l.options(ZONES)} />
        </Space>
      </Card>
      <Card size="small">
        <Table
          size="small"
          rowKey="id"
          loading={list.isPending}
          data-testid="companies-table"
          dataSource={rows}
          pagination={false}
          onRow={(r) => ({ onClick: () => void navigate({ to: '/companies/$companyId', params: { companyId: String(r.id) } }), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('company'),
              key: 'name',
              render: (_: unknown, c) => (
                <>
                  <div>{l.name(c.nameZh, c.nameEn)}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.nameEn && l.name(c.nameZh, c.nameEn) !== c.nameEn ? c.nameEn : c.nameZh}
                  </Typography.Text>
                </>
              ),
            },
            {
              title: t('uscc'),
              dataIndex: 'uscc',
              width: 190,
              render: (s: string | null) => <span style={{ fontFamily: 'monospace', fontSize: 12 }}>{s ?? '—'}</span>,
            },
            { title: t('sector'), dataIndex: 'sector', width: 120, render: (s: string) => l.sector(s) },
            { title: t('zone'), dataIndex: 'zone', width: 140, render: (s: string) => l.zone(s) },
            { title: t('ownership'), dataIndex: 'ownership', width: 90, render: (s: string) => l.ownership(s) },
            {
              title: t('deals'),
              key: 'deals',
              render: (_: unknown, c) => (
                <Space wrap size={[4, 4]}>
                  {c.deals.slice(0, 4).map((d) => (
                    <span key={d.dealId} className="hl-overlap-chip">
                      {d.fundCode} <StageTag stage={d.stage} />
                    </span>
                  ))}
                  {c.deals.length > 4 ? <Tag>+{c.deals.length - 4}</Tag> : null}
                </Space>
              ),
            },
          ]}
        />
        <div style={{ textAlign: 'center', padding: 8 }}>
          {list.hasNextPage ? (
            <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common:loadMore')}
            </Button>
          ) : rows.length ? (
            <Typography.Text type="secondary">{t('common:noMore')}</Typography.Text>
          ) : null}
        </div>
      </Card>
      <CompanyFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(id) => {
          setCreating(false);
          void navigate({ to: '/companies/$companyId', params: { companyId: String(id) } });
        }}
      />
    </Page>
  );
}

const companyRoute = getRouteApi('/companies/$companyId');

/** One company: its facts, its deals across the funds the reader may see, duplicates and merges. */
export function CompanyPage() {
  const { t } = useTranslation('pipeline');
  const f = useFormat();
  const l = useLabels();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { companyId } = companyRoute.useParams();
  const navigate = useNavigate();
  const q = useQuery(trpc.company.get.queryOptions({ id: Number(companyId) }));
  const [editing, setEditing] = useState(false);
  const merge = useMutation(
    trpc.company.merge.mutationOptions({
      onSuccess: (r) => {
        void message.success(t('merged', { moved: r.moved, folded: r.folded }));
        void queryClient.invalidateQueries(trpc.company.pathFilter());
        void queryClient.invalidateQueries(trpc.deal.pathFilter());
      },
      onError: (e) => void message.error(errorMessage(e, t)),
    }),
  );
  return (
    <QueryState query={q}>
      {(c) => (
        <Page
          title={
            <Space>
              {l.name(c.nameZh, c.nameEn)}
              {c.mergedIntoId ? <Tag color="orange">{t('mergedAway')}</Tag> : null}
            </Space>
          }
          subtitle={c.nameEn && c.nameZh !== l.name(c.nameZh, c.nameEn) ? c.nameZh : c.nameEn}
          extra={
            c.canEdit && !c.mergedIntoId ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="company-edit">
                {t('common:edit')}
              </Button>
            ) : null
          }
        >
          {c.mergedIntoId ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('mergedInto')}
              action={
                <Button size="small" onClick={() => void navigate({ to: '/companies/$companyId', params: { companyId: String(c.mergedIntoId) } })}>
                  {t('openSurvivor')}
                </Button>
              }
            />
          ) : null}
          <Row gutter={16}>
            <Col xs={24} xl={9}>
              <Card size="small" title={t('companyFacts')} style={{ marginBottom: 16 }}>
                <Descriptions size="small" column={1} labelStyle={{ width: 110 }}>
                  <Descriptions.Item label={t('uscc')}>
                    <span style={{ fontFamily: 'monospace' }}>{c.uscc ?? '—'}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('sector')}>{l.sector(c.sector)}</Descriptions.Item>
                  <Descriptions.Item label={t('zone')}>{l.zone(c.zone)}</Descriptions.Item>
                  <Descriptions.Item label={t('registeredInShanghai')}>{c.registeredInShanghai ? t('common:yes') : t('common:no')}</Descriptions.Item>
                  <Descriptions.Item label={t('ownership')}>{l.ownership(c.ownership)}</Descriptions.Item>
                  <Descriptions.Item label={t('founded')}>{f.date(c.founded)}</Descriptions.Item>
                  <Descriptions.Item label={t('headcount')}>{c.headcount === null ? '—' : f.number(c.headcount)}</Descriptions.Item>
                  <Descriptions.Item label={t('website')}>{c.website ?? '—'}</Descriptions.Item>
                </Descriptions>
              </Card>
              {c.duplicates.length && c.canEdit ? (
                <Card size="small" title={t('duplicatesTitle')} style={{ marginBottom: 16 }} data-testid="company-duplicate-list">
                  <List
                    size="small"
                    dataSource={c.duplicates}
                    renderItem={(d) => (
                      <List.Item
                        actions={[
                          <Popconfirm
                            key="m"
                            title={t('mergeConfirm', { from: d.nameZh, into: c.nameZh })}
                            onConfirm={() => merge.mutate({ fromId: d.id, intoId: c.id })}
                          >
                            <Button size="small" icon={<MergeCellsOutlined />} loading={merge.isPending}>
                              {t('mergeHere')}
                            </Button>
                          </Popconfirm>,
                        ]}
                      >
                        <Link to="/companies/$companyId" params={{ companyId: String(d.id) }}>
                          {d.nameZh}
                        </Link>{' '}
                        <Typography.Text type="secondary">{d.uscc ?? t('noUscc')}</Typography.Text>
                      </List.Item>
                    )}
                  />
                </Card>
              ) : null}
              {c.merges.length ? (
                <Card size="small" title={t('mergeHistory')}>
                  {c.merges.map((m) => (
                    <div key={`${m.fromId}-${m.at}`}>{t('mergedFrom', { name: l.name(m.nameZh, m.nameEn), at: f.instant(m.at) })}</div>
                  ))}
                </Card>
              ) : null}
            </Col>
            <Col xs={24} xl={15}>
              <Card size="small" title={t('dealsOfCompany')}>
                {c.deals.length ? (
                  <Table
                    size="small"
                    rowKey="id"
                    pagination={false}
                    dataSource={c.deals}
                    onRow={(r) => ({
                      onClick: () => void navigate({ to: '/pipeline/deals/$dealId', params: { dealId: String(r.id) } }),
                      style: { cursor: 'pointer' },
                    })}
                    columns={[
                      { title: t('fund'), key: 'fund', render: (_: unknown, d) => `${d.fundCode} ${l.name(d.fundNameZh, d.fundNameEn)}` },
                      { title: t('stage'), dataIndex: 'stage', width: 100, render: (s: string) => <StageTag stage={s} /> },
                      {
                        title: t('amount'),
                        dataIndex: 'amountFen',
                        width: 120,
                        align: 'right',
                        render: (v: number | null) => <span className="num">{v ? f.money(v) : '—'}</span>,
                      },
                      {
                        title: t('col.score'),
                        dataIndex: 'score',
                        width: 70,
                        align: 'right',
                        render: (v: number | null) => (v === null ? '—' : f.number(v, 1)),
                      },
                      { title: t('col.updated'), dataIndex: 'updatedAt', width: 110, render: (v: string) => f.dateOf(v) },
                    ]}
                  />
                ) : (
                  <Empty description={t('noDealsVisible')} />
                )}
              </Card>
            </Col>
          </Row>
          <CompanyFormModal
            open={editing}
            initial={c as CompanyValues}
            onClose={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              void message.success(t('saved'));
            }}
          />
        </Page>
      )}
    </QueryState>
  );
}
