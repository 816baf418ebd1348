import { CaretDownOutlined, CaretUpOutlined, DeleteOutlined, DownloadOutlined, SaveOutlined, StarFilled } from '@ant-design/icons';
import { DEAL_SOURCES, type DealFilter, type DealSort, type DealSortField, SECTORS, STAGES, ZONES, shortPersonName } from '@highland/shared';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Alert, App, Button, Card, DatePicker, Dropdown, InputNumber, Popconfirm, Select, Space, Spin, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/ui/page.js';
import { errorMessage } from '../../lib/errors.js';
import { useFormat } from '../../lib/format.js';
import { useTRPC } from '../../lib/trpc.js';
import { PipelineTabs } from './pipeline-nav.js';
import { SearchBox, StageTag, useLabels, usePipelineOptions } from './use-pipeline.js';
import { SaveViewModal } from './table/save-view-modal.js';
import { ROW_HEIGHT, EXPORT_MAX, COLUMNS, template } from './table/table-columns.js';

const route = getRouteApi('/pipeline/table');

/**
 * Every deal the caller may read, in one virtualised table: filters, sort by column, full-text search,
 * saved views, export. Rows arrive a page at a time (keyset pagination) as the reader scrolls.
 */
export function TablePage() {
  const { t } = useTranslation('pipeline');
  const f = useFormat();
  const l = useLabels();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const search = route.useSearch();
  const options = usePipelineOptions();
  const funds = (options.data?.funds ?? []).filter((x) => x.pipeline === 'direct');
  const [filter, setFilter] = useState<DealFilter>(() => ({ pipeline: 'direct', ...(search.fund ? { fundIds: [search.fund] } : {}) }));
  const [sort, setSort] = useState<DealSort>({ field: 'updatedAt', dir: 'desc' });
  const [viewId, setViewId] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);

  const list = useInfiniteQuery(
    trpc.deal.list.infiniteQueryOptions({ filter, sort, limit: 100 }, { getNextPageParam: (p) => p.nextCursor, placeholderData: (prev) => prev }),
  );
  const total = useQuery({ ...trpc.deal.count.queryOptions({ filter }), placeholderData: (prev) => prev });
  const views = useQuery(trpc.pipeline.views.queryOptions());
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);

  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtual.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (lastIndex >= rows.length - 20 && list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
  }, [lastIndex, rows.length, list]);

  const owners = useMemo(() => {
    const m = new Map<number, string>();
    for (const fund of funds) if (!filter.fundIds?.length || filter.fundIds.includes(fund.id)) for (const o of fund.owners) m.set(o.id, o.name);
    return [...m.entries()].map(([value, label]) => ({ value, label }));
  }, [funds, filter.fundIds]);

  const set = (patch: Partial<DealFilter>) => {
    setViewId(null);
    setFilter((x) => {
      const next: DealFilter = { ...x, ...patch };
      for (const [k, v] of Object.entries(next)) if (v === undefined || (Array.isArray(v) && v.length === 0)) delete (next as Record<string, unknown>)[k];
      return next;
    });
  };
  const open = (id: number) => void navigate({ to: '/pipeline/deals/$dealId', params: { dealId: String(id) } });
  const onSearch = useCallback((q: string) => set({ q: q || undefined }), []);
  const toggleSort = (field: DealSortField) => setSort((s) => (s.field === field ? { field, dir: s.dir === 'desc' ? 'asc' : 'desc' } : { field, dir: 'desc' }));
  const exportHref = (format: 'csv' | 'xlsx') =>
    `/api/export/deals?format=${format}&locale=${f.locale}&filter=${encodeURIComponent(JSON.stringify(filter))}&sort=${encodeURIComponent(JSON.stringify(sort))}`;
  const deleteView = useMutation(
    trpc.pipeline.deleteView.mutationOptions({
      onSuccess: () => {
        setViewId(null);
        void queryClient.invalidateQueries(trpc.pipeline.views.pathFilter());
      },
      onError: (e) => void message.error(errorMessage(e, t)),
    }),
  );
  const range = (from?: string, to?: string) =>
    from || to ? ([from ? dayjs(from) : null, to ? dayjs(to) : null] as [dayjs.Dayjs | null, dayjs.Dayjs | null]) : null;

  return (
    <Page
      title={t('tableTitle')}
      subtitle={t('tableSub')}
      extra={
        <Space wrap>
          <Select
            placeholder={t('savedViews')}
            style={{ width: 200 }}
            allowClear
            value={viewId}
            data-testid="view-select"
            onChange={(id: number | null) => {
              setViewId(id);
              const v = views.data?.find((x) => x.id === id);
              if (v) {
                setFilter(v.filter);
                setSort(v.sort);
              }
            }}
            options={(views.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
          />
          {viewId ? (
            <Popconfirm title={t('deleteViewConfirm')} onConfirm={() => deleteView.mutate({ id: viewId })}>
              <Button icon={<DeleteOutlined />} />
            </Popconfirm>
          ) : null}
          <Button icon={<SaveOutlined />} onClick={() => setSaving(true)} data-testid="view-save">
            {t('saveView')}
          </Button>
          <Dropdown
            disabled={(total.data?.count ?? 0) > EXPORT_MAX}
            menu={{
              items: [
                {
                  key: 'xlsx',
                  label: (
                    <a href={exportHref('xlsx')} data-testid="export-xlsx">
                      {t('exportXlsx')}
                    </a>
                  ),
                },
                {
                  key: 'csv',
                  label: (
                    <a href={exportHref('csv')} data-testid="export-csv">
                      {t('exportCsv')}
                    </a>
                  ),
                },
              ],
            }}
          >
            <Tooltip title={(total.data?.count ?? 0) > EXPORT_MAX ? t('errors:export.tooMany', { count: total.data?.count, max: EXPORT_MAX }) : undefined}>
              <Button icon={<DownloadOutlined />} data-testid="export" disabled={(total.data?.count ?? 0) > EXPORT_MAX}>
                {t('export')}
              </Button>
            </Tooltip>
          </Dropdown>
        </Space>
      }
    >
      <div style={{ marginBottom: 12 }}>
        <PipelineTabs fundId={filter.fundIds?.length === 1 ? filter.fundIds[0] : undefined} />
      </div>
      <Card size="small" style={{ marginBottom: 12 }} data-testid="table-filters">
        <Space wrap size={[8, 8]}>
          <SearchBox value={filter.q ?? ''} onChange={onSearch} placeholder={t('searchTable')} width={240} testId="table-search" />
          <Select
            mode="multiple"
            allowClear
            maxTagCount={1}
            placeholder={t('fund')}
            style={{ width: 200 }}
            value={filter.fundIds ?? []}
            onChange={(v: number[]) => set({ fundIds: v })}
            options={funds.map((x) => ({ value: x.id, label: `${x.code} ${l.name(x.nameZh, x.nameEn)}` }))}
            data-testid="filter-fund"
          />
          <Select
            mode="multiple"
            allowClear
            maxTagCount={1}
            placeholder={t('stage')}
            style={{ width: 170 }}
            value={filter.stages ?? []}
            onChange={(v) => set({ stages: v })}
            options={l.options(STAGES, ['sourced', 'screening', 'due_diligence', 'committee', 'term_sheet', 'closing', 'invested', 'on_hold', 'passed'])}
            data-testid="filter-stage"
          />
          <Select
            mode="multiple"
            allowClear
            maxTagCount={1}
            placeholder={t('sector')}
            style={{ width: 170 }}
            value={filter.sectors ?? []}
            onChange={(v) => set({ sectors: v })}
            options={l.options(SECTORS)}
          />
          <Select
            mode="multiple"
            allowClear
            maxTagCount={1}
            placeholder={t('zone')}
            style={{ width: 170 }}
            value={filter.zones ?? []}
            onChange={(v) => set({ zones: v })}
            options={l.options(ZONES)}
          />
          <Select
            mode="multiple"
            allowClear
            maxTagCount={1}
            placeholder={t('source')}
            style={{ width: 150 }}
            value={filter.sources ?? []}
            onChange={(v) => set({ sources: v })}
            options={l.options(DEAL_SOURCES)}
          />
          <Select
            mode="multiple"
            allowClear
            maxTagCount={1}
            placeholder={t('owner')}
            style={{ width: 150 }}
            value={filter.ownerIds ?? []}
            onChange={(v: number[]) => set({ ownerIds: v })}
            options={owners}
          />
          <Space.Compact>
            <InputNumber<number>
              placeholder={t('scoreMin')}
              min={1}
              max={5}
              step={0.5}
              style={{ width: 96 }}
              value={filter.scoreMin ?? null}
              onChange={(v) => set({ scoreMin: v ?? undefined })}
            />
            <InputNumber<number>
              placeholder={t('scoreMax')}
              min={1}
              max={5}
              step={0.5}
              style={{ width: 96 }}
              value={filter.scoreMax ?? null}
              onChange={(v) => set({ scoreMax: v ?? undefined })}
            />
          </Space.Compact>
          <DatePicker.RangePicker
            placeholder={[t('createdFrom'), t('createdTo')]}
            allowEmpty={[true, true]}
            value={range(filter.createdFrom, filter.createdTo)}
            onChange={(v) => set({ createdFrom: v?.[0]?.format('YYYY-MM-DD'), createdTo: v?.[1]?.format('YYYY-MM-DD') })}
          />
          <DatePicker.RangePicker
            placeholder={[t('nextStepFrom'), t('nextStepTo')]}
            allowEmpty={[true, true]}
            value={range(filter.nextStepFrom, filter.nextStepTo)}
            onChange={(v) => set({ nextStepFrom: v?.[0]?.format('YYYY-MM-DD'), nextStepTo: v?.[1]?.format('YYYY-MM-DD') })}
          />
          <Button
            onClick={() => {
              setViewId(null);
              setFilter({ pipeline: 'direct' });
            }}
          >
            {t('common:reset')}
          </Button>
        </Space>
      </Card>
      <Card
        size="small"
        styles={{ body: { padding: 0 } }}
        title={
          <span data-testid="table-total">
            {total.data ? t('totalLine', { n: f.number(total.data.count), amount: f.money(total.data.amountFen) }) : <Spin size="small" />}
          </span>
        }
        extra={<Typography.Text type="secondary">{t('common:unit', { unit: f.unitLabel('wan') })}</Typography.Text>}
      >
        {list.isError ? <Alert type="error" showIcon title={errorMessage(list.error, t)} /> : null}
        <div className="hl-vtable" ref={scroller} data-testid="deal-table">
          <table className="hl-vtable-table" aria-rowcount={total.data?.count}>
            <thead>
              <tr className="hl-vtable-head" style={{ gridTemplateColumns: template }}>
                {COLUMNS.map((c) => (
                  <th
                    key={c.key}
                    tabIndex={c.sort ? 0 : undefined}
                    aria-sort={c.sort && sort.field === c.sort ? (sort.dir === 'desc' ? 'descending' : 'ascending') : undefined}
                    className={`${c.sort ? 'hl-sortable' : ''}${c.align === 'right' ? ' hl-right' : ''}`}
                    onClick={c.sort ? () => toggleSort(c.sort as DealSortField) : undefined}
                    onKeyDown={c.sort ? (e) => e.key === 'Enter' && toggleSort(c.sort as DealSortField) : undefined}
                    data-testid={`th-${c.key}`}
                  >
                    {t(`col.${c.key}`)}
                    {c.sort && sort.field === c.sort ? sort.dir === 'desc' ? <CaretDownOutlined /> : <CaretUpOutlined /> : null}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody style={{ height: virtual.getTotalSize(), position: 'relative', display: 'block' }}>
              {items.map((v) => {
                const r = rows[v.index];
                if (!r) return null;
                return (
                  <tr
                    key={r.id}
                    tabIndex={0}
                    className="hl-vtable-row"
                    style={{ gridTemplateColumns: template, transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}
                    onClick={() => open(r.id)}
                    onKeyDown={(e) => e.key === 'Enter' && open(r.id)}
                    data-testid="deal-row"
                  >
                    <td className="hl-ellipsis">
                      <div className="hl-ellipsis">{l.name(r.companyNameZh ?? r.proposalNameZh, r.companyNameEn ?? r.proposalNameEn)}</div>
                      <div className="hl-sub">{r.uscc ?? ''}</div>
                    </td>
                    <td>{r.fundCode}</td>
                    <td>
                      <StageTag stage={r.stage} />
                    </td>
                    <td className="hl-ellipsis">{l.sector(r.sector)}</td>
                    <td className="hl-ellipsis">{l.zone(r.zone)}</td>
                    <td className="hl-ellipsis">{shortPersonName(r.ownerName)}</td>
                    <td className="hl-ellipsis">{l.source(r.source)}</td>
                    <td className="num hl-right">{r.amountFen ? f.moneyCell(r.amountFen, 'wan') : '—'}</td>
                    <td className="num hl-right">
                      {r.score === null ? (
                        '—'
                      ) : (
                        <>
                          <StarFilled style={{ color: '#f59e0b', fontSize: 11 }} /> {f.number(r.score, 1)}
                        </>
                      )}
                    </td>
                    <td className="hl-ellipsis">
                      <div className="hl-ellipsis">{r.nextStep ?? '—'}</div>
                      <div className="hl-sub">{r.nextStepDate ?? ''}</div>
                    </td>
                    <td className="num">{f.dateOf(r.stageEnteredAt)}</td>
                    <td className="num">{f.dateOf(r.updatedAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {!list.isPending && rows.length === 0 ? <div className="hl-vtable-empty">{t('noDeals')}</div> : null}
          {list.isFetchingNextPage || list.isPending ? (
            <div className="hl-vtable-empty">
              <Spin size="small" /> {t('common:loading')}
            </div>
          ) : null}
        </div>
      </Card>
      <SaveViewModal
        open={saving}
        filter={filter}
        sort={sort}
        existing={views.data?.find((v) => v.id === viewId) ?? null}
        onClose={() => setSaving(false)}
        onSaved={(id) => setViewId(id)}
      />
    </Page>
  );
}
