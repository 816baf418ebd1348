import { canAdminister, FEN_PER_WAN } from '@highland/shared';
import type { LISTING_STAGE_CODES } from '@highland/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/ui/form-modal.js';
import { QueryState } from '../../../components/ui/query-state.js';
import { useFormat } from '../../../lib/format.js';
import { useSession } from '../../../lib/session.js';
import { useTRPC } from '../../../lib/trpc.js';
import { useLabels } from '../kit.js';
import { wan } from './support-kit.js';

export function Schedule() {
  const { t } = useTranslation('plan');
  const f = useFormat();
  const labels = useLabels();
  const trpc = useTRPC();
  const actor = useSession().data;
  const qc = useQueryClient();
  const q = useQuery(trpc.support.schedule.queryOptions());
  const m = useMutation(trpc.support.setSchedule.mutationOptions());
  const [editing, setEditing] = useState(false);
  return (
    <Card
      size="small"
      extra={
        actor && canAdminister(actor) ? (
          <Button onClick={() => setEditing(true)} data-testid="schedule-edit">
            {t('support.editSchedule')}
          </Button>
        ) : null
      }
    >
      <Alert type="info" showIcon title={t('support.scheduleHint')} style={{ marginBottom: 12 }} />
      <QueryState query={q}>
        {(d) => (
          <>
            <Table
              size="small"
              rowKey="milestone"
              pagination={false}
              dataSource={d}
              data-testid="schedule-table"
              columns={[
                { title: t('support.milestone'), dataIndex: 'milestone', render: labels.event },
                {
                  title: t('support.scheduleAmount'),
                  dataIndex: 'amountFen',
                  align: 'right',
                  render: (v: number) =>
                    v ? f.money(v, { unit: f.locale === 'en' ? 'm' : 'wan' }) : <Typography.Text type="secondary">{t('support.noSchedule')}</Typography.Text>,
                },
                { title: t('note'), dataIndex: 'note', render: (n: string | null) => n ?? '' },
                { title: t('support.updatedAt'), dataIndex: 'updatedAt', render: (v: string | null) => f.instant(v) },
                { title: t('support.updatedBy'), dataIndex: 'updatedBy', render: (v: string | null) => v ?? '—' },
              ]}
            />
            <FormModal<{ entries: Array<{ milestone: string; amount: number | null; note?: string }> }>
              title={t('support.editSchedule')}
              open={editing}
              onClose={() => setEditing(false)}
              testId="schedule-form"
              names={['entries']}
              width={640}
              initialValues={{ entries: d.map((r) => ({ milestone: r.milestone, amount: r.amountFen / FEN_PER_WAN, note: r.note ?? undefined })) }}
              submit={async (v) => {
                await m.mutateAsync({
                  entries: v.entries.map((e) => ({
                    milestone: e.milestone as (typeof LISTING_STAGE_CODES)[number],
                    amountFen: wan(e.amount ?? 0) ?? 0,
                    note: e.note,
                  })),
                });
                await qc.invalidateQueries(trpc.support.pathFilter());
              }}
            >
              <Form.List name="entries">
                {(fields) =>
                  fields.map((field, i) => (
                    <Row key={field.key} gutter={8} align="middle">
                      <Col span={6}>{labels.event(d[i]?.milestone ?? '')}</Col>
                      <Col span={7}>
                        <Form.Item name={[field.name, 'amount']} style={{ marginBottom: 8 }}>
                          <InputNumber min={0} style={{ width: '100%' }} suffix={t('unitWan')} />
                        </Form.Item>
                      </Col>
                      <Col span={11}>
                        <Form.Item name={[field.name, 'note']} style={{ marginBottom: 8 }}>
                          <Input placeholder={t('note')} />
                        </Form.Item>
                      </Col>
                    </Row>
                  ))
                }
              </Form.List>
            </FormModal>
          </>
        )}
      </QueryState>
    </Card>
  );
}
