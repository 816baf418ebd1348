import { PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { label, STAGE_ORDERS, type StageOrder } from '@highland/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { Alert, App, Button, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/ui/page.js';
import { errorMessage } from '../../lib/errors.js';
import { useTRPC } from '../../lib/trpc.js';
import { Board } from './board.js';
import { ApplicationCreateModal, DealCreateModal } from './deal-create.js';
import { defaultFund, FundSelect, PipelineTabs } from './pipeline-nav.js';
import { FormModal, type FundOption, SearchBox, usePipelineOptions } from './use-pipeline.js';

const route = getRouteApi('/pipeline');

/** The direct-deal board of one fund. */
export function BoardPage() {
  const { t } = useTranslation('pipeline');
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const options = usePipelineOptions();
  const funds = (options.data?.funds ?? []).filter((f) => f.pipeline === 'direct');
  const fund = defaultFund(funds, search.fund);
  return (
    <BoardFrame
      title={t('boardTitle')}
      subtitle={t('boardSub')}
      funds={funds}
      fund={fund}
      loading={options.isPending}
      tabs={<PipelineTabs fundId={fund?.id} />}
      onFund={(id) => void navigate({ search: { fund: id } })}
    />
  );
}

/** The mother fund's selection of sub-fund managers, on the same board machinery. */
export function SelectionPage() {
  const { t } = useTranslation('pipeline');
  const options = usePipelineOptions();
  const funds = (options.data?.funds ?? []).filter((f) => f.pipeline === 'selection');
  return (
    <BoardFrame
      title={t('selectionTitle')}
      subtitle={t('selectionSub')}
      funds={funds}
      fund={funds[0]}
      loading={options.isPending}
      tabs={null}
      onFund={() => undefined}
    />
  );
}

function BoardFrame(props: {
  title: string;
  subtitle: string;
  funds: FundOption[];
  fund: FundOption | undefined;
  loading: boolean;
  tabs: ReactNode;
  onFund: (id: number) => void;
}) {
  const { t } = useTranslation('pipeline');
  const goto = useNavigate();
  const [q, setQ] = useState('');
  const [owners, setOwners] = useState<number[]>([]);
  const [creating, setCreating] = useState(false);
  const [settings, setSettings] = useState(false);
  const fund = props.fund;
  const selection = fund?.pipeline === 'selection';
  const openCreated = (id: number) => {
    setCreating(false);
    void goto({ to: '/pipeline/deals/$dealId', params: { dealId: String(id) } });
  };
  return (
    <Page
      title={props.title}
      subtitle={props.subtitle}
      extra={
        <Space wrap>
          {fund && !selection ? <FundSelect funds={props.funds} value={fund.id} onChange={props.onFund} /> : null}
          <SearchBox value={q} onChange={setQ} placeholder={t('searchBoard')} width={220} testId="board-search" />
          {fund ? (
            <Select
              mode="multiple"
              allowClear
              maxTagCount={1}
              placeholder={t('owner')}
              style={{ width: 180 }}
              value={owners}
              onChange={setOwners}
              options={fund.owners.map((o) => ({ value: o.id, label: o.name }))}
            />
          ) : null}
          {fund?.writable ? (
            <>
              <Button icon={<SettingOutlined />} onClick={() => setSettings(true)} data-testid="pipeline-settings">
                {t('settings')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="deal-create">
                {selection ? t('newApplication') : t('newDeal')}
              </Button>
            </>
          ) : null}
        </Space>
      }
    >
      {props.tabs ? <div style={{ marginBottom: 12 }}>{props.tabs}</div> : null}
      {!props.loading && !fund ? <Alert type="info" showIcon title={t('noFunds')} /> : null}
      {fund && !fund.writable ? <Alert type="info" showIcon banner title={t('readOnly')} style={{ marginBottom: 12 }} /> : null}
      {fund ? <Board fundId={fund.id} pipeline={fund.pipeline} q={q} ownerIds={owners.length ? owners : undefined} /> : null}
      {fund && !selection ? <DealCreateModal open={creating} fund={fund} onClose={() => setCreating(false)} onCreated={openCreated} /> : null}
      {fund && selection ? <ApplicationCreateModal open={creating} fund={fund} onClose={() => setCreating(false)} onCreated={openCreated} /> : null}
      {fund ? <SettingsModal open={settings} fund={fund} onClose={() => setSettings(false)} /> : null}
    </Page>
  );
}

/** A fund's stage order and scorecard weights. */
function SettingsModal(props: { open: boolean; fund: FundOption; onClose: () => void }) {
  const { t, i18n } = useTranslation('pipeline');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ stageOrder: StageOrder; weights: Record<string, number> }>();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(
    trpc.pipeline.saveSettings.mutationOptions({
      onSuccess: () => {
        void message.success(t('settingsSaved'));
        void queryClient.invalidateQueries(trpc.pipeline.pathFilter());
        void queryClient.invalidateQueries(trpc.deal.pathFilter());
        props.onClose();
      },
      onError: (e) => setError(errorMessage(e, t)),
    }),
  );
  useEffect(() => {
    if (props.open) {
      setError(null);
      form.setFieldsValue({
        stageOrder: props.fund.stageOrder,
        weights: Object.fromEntries(props.fund.criteria.map((c) => [c.key, Math.round(c.weight * 100)])),
      });
    }
  }, [props.open, props.fund, form]);
  return (
    <FormModal
      open={props.open}
      title={t('settingsTitle', { fund: props.fund.code })}
      onClose={props.onClose}
      onSubmit={() => form.submit()}
      ok="save"
      busy={save.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          save.mutate({
            fundId: props.fund.id,
            stageOrder: v.stageOrder,
            weights: Object.fromEntries(Object.entries(v.weights).map(([k, w]) => [k, (w ?? 0) / 100])),
          })
        }
      >
        {props.fund.pipeline === 'direct' ? (
          <Form.Item name="stageOrder" label={t('stageOrder')}>
            <Radio.Group options={Object.entries(STAGE_ORDERS).map(([value, l]) => ({ value, label: label(l, i18n.language) }))} />
          </Form.Item>
        ) : (
          <Form.Item name="stageOrder" hidden>
            <Input />
          </Form.Item>
        )}
        <Typography.Text strong>{t('weights')}</Typography.Text>
        <div className="hl-hint" style={{ marginBottom: 8 }}>
          {t('weightsHint')}
        </div>
        {props.fund.criteria.map((c) => (
          <Form.Item key={c.key} name={['weights', c.key]} label={i18n.language === 'en' ? c.en : c.zh} style={{ marginBottom: 8 }}>
            <InputNumber<number> min={0} max={100} suffix="%" style={{ width: 140 }} />
          </Form.Item>
        ))}
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Form>
    </FormModal>
  );
}
