import { useQuery } from '@tanstack/react-query';
import { Card, Col, DatePicker, Input, Row, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc.js';
import type { AuditFilters as Filters } from './use-audit-filters.js';

/** Filter by kind of object, action, actor, object name or id, and calendar days. */
export function AuditFilters(props: { value: Filters; onChange: (f: Filters) => void; extra: ReactNode }) {
  const { t } = useTranslation(['audit', 'common']);
  const trpc = useTRPC();
  const facets = useQuery(trpc.audit.facets.queryOptions());
  const v = props.value;
  const set = (patch: Partial<Filters>) => props.onChange({ ...v, ...patch });
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={4}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('filterEntity')}
            data-testid="audit-filter-entity"
            value={v.entity}
            onChange={(x) => set({ entity: x })}
            options={(facets.data?.entities ?? []).map((e) => ({ value: e, label: t(`entities.${e}`, { defaultValue: e }) }))}
          />
        </Col>
        <Col xs={24} md={5}>
          <Select
            allowClear
            showSearch
            style={{ width: '100%' }}
            placeholder={t('filterAction')}
            data-testid="audit-filter-action"
            value={v.action}
            onChange={(x) => set({ action: x })}
            options={(facets.data?.actions ?? []).map((e) => ({ value: e, label: `${t(`actions.${e}`, { defaultValue: e })} · ${e}` }))}
          />
        </Col>
        <Col xs={24} md={5}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: '100%' }}
            placeholder={t('filterActor')}
            data-testid="audit-filter-actor"
            value={v.actorUserId}
            onChange={(x) => set({ actorUserId: x })}
            options={(facets.data?.actors ?? [])
              .filter((a) => a.id !== null)
              .map((a) => ({ value: a.id as number, label: a.name ? `${a.name} · ${a.label}` : a.label }))}
          />
        </Col>
        <Col xs={24} md={4}>
          <Input.Search
            allowClear
            placeholder={t('filterObject')}
            data-testid="audit-filter-object"
            defaultValue={v.object}
            onSearch={(x) => set({ object: x })}
          />
        </Col>
        <Col xs={24} md={6}>
          <DatePicker.RangePicker
            style={{ width: '100%' }}
            value={v.range ?? null}
            data-testid="audit-filter-dates"
            onChange={(x) => set({ range: x?.[0] && x[1] ? [x[0], x[1]] : null })}
          />
        </Col>
      </Row>
      <Row justify="space-between" align="middle" style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">{t('zoneHint')}</Typography.Text>
        {props.extra}
      </Row>
    </Card>
  );
}
