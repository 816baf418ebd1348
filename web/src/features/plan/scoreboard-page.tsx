import { DownloadOutlined } from '@ant-design/icons';
import { daysBetween, type TargetMetric } from '@highland/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Alert, App, Button, Col, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsOfPicker, todayIso } from '../../components/ui/as-of-picker.js';
import { Page } from '../../components/ui/page.js';
import { QueryState } from '../../components/ui/query-state.js';
import { downloadBase64 } from '../../lib/download.js';
import { errorMessage } from '../../lib/errors.js';
import { useFormat } from '../../lib/format.js';
import { useTRPC, useTRPCClient } from '../../lib/trpc.js';
import { DrillDrawer } from './scoreboard/drill-drawer.js';
import { TargetCard } from './scoreboard/target-card.js';

const route = getRouteApi('/scoreboard');

/** The plan's scoreboard: a progress bar and a trend with its projection for every target, drill-down to the firms, XLSX export. */
export function ScoreboardPage() {
  const { t } = useTranslation('plan');
  const f = useFormat();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const { message } = App.useApp();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const asOf = search.asOf ?? todayIso();
  const q = useQuery(trpc.scoreboard.view.queryOptions({ asOf, programmeId: search.programme }));
  const [drill, setDrill] = useState<TargetMetric | null>(null);
  const download = useMutation({
    mutationFn: () => client.scoreboard.exportXlsx.query({ asOf, programmeId: q.data?.programme?.id }),
    onSuccess: (file) => downloadBase64(file),
    onError: (e) => void message.error(errorMessage(e, t)),
  });
  const p = q.data?.programme ?? null;
  const name = p ? f.name(p) : '';
  return (
    <Page
      title={t('scoreboard.title')}
      subtitle={
        p ? (
          <Space size={12} wrap>
            <span>{t('scoreboard.sub', { name, start: f.date(p.startDate, 'long'), end: f.date(p.endDate, 'long') })}</span>
            <Tag>{asOf >= p.endDate ? t('scoreboard.ended', { date: p.endDate }) : t('scoreboard.remaining', { n: daysBetween(asOf, p.endDate) })}</Tag>
          </Space>
        ) : null
      }
      extra={
        <Space wrap>
          <Select
            style={{ minWidth: 280 }}
            data-testid="programme-select"
            value={p?.id}
            placeholder={t('scoreboard.programme')}
            options={(q.data?.programmes ?? []).map((x) => ({ value: x.id, label: `${x.code} · ${f.name(x)}` }))}
            onChange={(id: number) => void navigate({ search: { ...search, programme: id } })}
          />
          <AsOfPicker value={asOf} onChange={(d) => void navigate({ search: { ...search, asOf: d } })} />
          <Button icon={<DownloadOutlined />} loading={download.isPending} disabled={!p} onClick={() => download.mutate()} data-testid="scoreboard-export">
            {t('export')}
          </Button>
        </Space>
      }
    >
      <QueryState query={q} isEmpty={(d) => !d.programme} empty={<Alert type="info" showIcon title={t('scoreboard.noProgramme')} />}>
        {(d) => (
          <>
            <Row gutter={[16, 16]} data-testid="scoreboard-targets">
              {d.metrics.map((m) => (
                <Col key={m.metric} xs={24} lg={12} xxl={8}>
                  <TargetCard view={d} metric={m} onDrill={() => setDrill(m.metric)} />
                </Col>
              ))}
            </Row>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
              {t('scoreboard.outputYear', { year: d.outputYear })}
            </Typography.Paragraph>
            {drill && d.programme ? <DrillDrawer programmeId={d.programme.id} metric={drill} asOf={asOf} onClose={() => setDrill(null)} /> : null}
          </>
        )}
      </QueryState>
    </Page>
  );
}
