import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/ui/page.js';
import { errorMessage } from '../../lib/errors.js';
import { useFormat } from '../../lib/format.js';
import { useTRPC } from '../../lib/trpc.js';
import { AuditExport } from './audit-export.js';
import { AuditFilters } from './audit-filters.js';
import { AuditObject, type AuditRef } from './audit-object.js';
import { useAuditFilters } from './use-audit-filters.js';

function Json(props: { value: unknown; empty: string }) {
  if (props.value === null || props.value === undefined) return <Typography.Text type="secondary">{props.empty}</Typography.Text>;
  return (
    <pre style={{ margin: 0, fontSize: 12, maxHeight: 320, overflow: 'auto', background: '#f7f8fa', padding: 8, borderRadius: 4 }}>
      {JSON.stringify(props.value, null, 2)}
    </pre>
  );
}

/**
 * The audit trail for a reviewer: who did what to which object (by name, linked), newest first, filtered
 * by actor, action, object and calendar days, paged by keyset, and exported as XLSX or CSV as filtered.
 */
export function AuditPage() {
  const { t } = useTranslation(['audit', 'common']);
  const f = useFormat();
  const trpc = useTRPC();
  const { filters, setFilters, query } = useAuditFilters();
  const q = useInfiniteQuery(trpc.audit.list.infiniteQueryOptions({ limit: 50, ...query }, { getNextPageParam: (last) => last.nextCursor ?? undefined }));
  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Page title={t('title')} subtitle={t('sub')}>
      <AuditFilters value={filters} onChange={setFilters} extra={<AuditExport query={query} />} />
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
            { title: t('at'), dataIndex: 'at', width: 170, render: (v: string) => <span className="num">{f.instant(v)}</span> },
            {
              title: t('actor'),
              key: 'actor',
              render: (_: unknown, r) =>
                r.actorLabel === 'system' ? <Tag>{t('system')}</Tag> : <span title={r.actorLabel}>{r.actorName ?? r.actorLabel}</span>,
            },
            {
              title: t('action'),
              dataIndex: 'action',
              render: (v: string) => (
                <Tag color={v.includes('Failed') ? 'red' : 'blue'} title={v}>
                  {t(`actions.${v}`, { defaultValue: v })}
                </Tag>
              ),
            },
            {
              title: t('object'),
              key: 'object',
              render: (_: unknown, r) => (
                <Space size={4} wrap>
                  <Typography.Text type="secondary">{t(`entities.${r.entity}`, { defaultValue: r.entity })}</Typography.Text>
                  {r.object ? <AuditObject value={r.object as AuditRef} /> : <span>{r.entityId}</span>}
                </Space>
              ),
            },
            {
              title: t('related'),
              key: 'related',
              render: (_: unknown, r) => (
                <Space size={8} wrap>
                  {(r.related as AuditRef[]).map((x) => (
                    <AuditObject key={`${x.entity}:${x.id}`} value={x} />
                  ))}
                </Space>
              ),
            },
          ]}
        />
        <Space style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t('count', { n: rows.length })}</Typography.Text>
          {q.hasNextPage ? (
            <Button onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage} data-testid="audit-more">
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
