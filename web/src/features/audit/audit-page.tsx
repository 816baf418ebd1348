import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/ui/page.js';
import { errorMessage } from '../../lib/errors.js';
import { useFormat } from '../../lib/format.js';
import { useTRPC } from '../../lib/trpc.js';

interface Filters {
  entity?: string;
  action?: string;
  actorUserId?: number;
  range?: [Dayjs, Dayjs] | null;
}

function Json(props: { value: unknown; empty: string }) {
  if (props.value === null || props.value === undefined) return <Typography.Text type="secondary">{props.empty}</Typography.Text>;
  return (
    <pre style={{ margin: 0, fontSize: 12, maxHeight: 320, overflow: 'auto', background: '#f7f8fa', padding: 8, borderRadius: 4 }}>
      {JSON.stringify(props.value, null, 2)}
    </pre>
  );
}

export function AuditPage() {
  const { t } = useTranslation(['audit', 'common']);
  const f = useFormat();
  const trpc = useTRPC();
  const [filters, setFilters] = useState<Filters>({});
  const facets = useQuery(trpc.audit.facets.queryOptions());
  const input = {
    limit: 50,
    ...(filters.entity ? { entity: filters.entity } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.actorUserId ? { actorUserId: filters.actorUserId } : {}),
    ...(filters.range ? { from: filters.range[0].format('YYYY-MM-DD'), to: filters.range[1].format('YYYY-MM-DD') } : {}),
  };
  const q = useInfiniteQuery(trpc.audit.list.infiniteQueryOptions(input, { getNextPageParam: (last) => last.nextCursor ?? undefined }));
  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Page title={t('title')} subtitle={t('sub')}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={6}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t('filterEntity')}
              data-testid="audit-filter-entity"
              value={filters.entity}
              onChange={(v) => setFilters({ ...filters, entity: v })}
              options={(facets.data?.entities ?? []).map((e) => ({ value: e, label: t(`entities.${e}`, { defaultValue: e }) }))}
            />
          </Col>
          <Col xs={24} md={6}>
            <Select
              allowClear
              showSearch
              style={{ width: '100%' }}
              placeholder={t('filterAction')}
              data-testid="audit-filter-action"
              value={filters.action}
              onChange={(v) => setFilters({ ...filters, action: v })}
              options={(facets.data?.actions ?? []).map((e) => ({ value: e, label: `${t(`actions.${e}`, { defaultValue: e })} · ${e}` }))}
            />
          </Col>
          <Col xs={24} md={5}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t('filterActor')}
              value={filters.actorUserId}
              onChange={(v) => setFilters({ ...filters, actorUserId: v })}
              options={(facets.data?.actors ?? []).filter((a) => a.id !== null).map((a) => ({ value: a.id as number, label: a.label }))}
            />
          </Col>
          <Col xs={24} md={7}>
            <DatePicker.RangePicker
              style={{ width: '100%' }}
              value={filters.range ?? null}
              onChange={(v) => setFilters({ ...filters, range: v?.[0] && v[1] ? [v[0], v[1]] : null })}
            />
          </Col>
        </Row>
      </Card>
      <Card size="small">
        {q.isError ? <Typography.Text type="danger">{errorMessage(q.error, t)}</Typography.Text> : null}
        <Table
          size="small"
          rowKey="id"
          data-testid="audit-table"
          loading={q.isPending}
          dataSource={rows}
          pagination={false}
          expandable={{
            expandedRowRender: (r) => (
              <Row gutter={16}>
                <Col span={12}>
                  <Typography.Text strong>{t('before')}</Typography.Text>
                  <Json value={r.before} empty={t('nothing')} />
                </Col>
                <Col span={12}>
                  <Typography.Text strong>{t('after')}</Typography.Text>
                  <Json value={r.after} empty={t('nothing')} />
                </Col>
              </Row>
            ),
          }}
          columns={[
            { title: t('at'), dataIndex: 'at', width: 180, render: (v: string) => <span className="num">{f.instant(v)}</span> },
            { title: t('actor'), dataIndex: 'actorLabel', render: (v: string) => (v === 'system' ? <Tag>{t('system')}</Tag> : v) },
            {
              title: t('action'),
              dataIndex: 'action',
              render: (v: string) => (
                <Tag color={v.includes('Failed') ? 'red' : 'blue'} title={v}>
                  {t(`actions.${v}`, { defaultValue: v })}
                </Tag>
              ),
            },
            { title: t('entity'), dataIndex: 'entity', render: (v: string) => t(`entities.${v}`, { defaultValue: v }) },
            { title: t('entityId'), dataIndex: 'entityId' },
          ]}
        />
        <Space style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t('count', { n: rows.length })}</Typography.Text>
          {q.hasNextPage ? (
            <Button onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
              {t('common:loadMore')}
            </Button>
          ) : rows.length ? (
            <Typography.Text type="secondary">{t('common:noMore')}</Typography.Text>
          ) : null}
        </Space>
      </Card>
    </Page>
  );
}
