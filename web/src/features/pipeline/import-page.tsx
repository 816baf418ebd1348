import { CheckCircleOutlined, DownloadOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { columnLetter, IMPORT_FIELDS, type ImportFieldKey, type ImportMapping } from '@highland/shared';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Alert, Button, Card, Col, Descriptions, Result, Row, Select, Space, Steps, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/ui/page.js';
import { useFormat } from '../../lib/format.js';
import { useTRPC } from '../../lib/trpc.js';
import { ImportFailure, type ImportProgress, sendImport } from './import-client.js';
import { defaultFund, FundSelect, PipelineTabs } from './pipeline-nav.js';
import { usePipelineOptions } from './use-pipeline.js';
import { CheckPanel } from './import/check-panel.js';
import type { Preview, Issue, CheckResult, CommitResult } from './import/import-types.js';
import { ProgressLine } from './import/progress-line.js';

const route = getRouteApi('/pipeline/import');

/** The server's limit (IMPORT_BODY_LIMIT, 32 MB by default); larger files are refused before upload. */
const MAX_BYTES = 32 * 1024 * 1024;

/**
 * Importing deals from CSV or XLSX: upload, map the columns (suggested from the headers), check every
 * row — all problems listed by row, column and rule before anything is written — then import all or
 * nothing. Progress is shown for the upload and for each phase on the server.
 */
export function ImportPage() {
  const { t } = useTranslation('pipeline');
  const f = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const options = usePipelineOptions();
  const funds = (options.data?.funds ?? []).filter((x) => x.pipeline === 'direct' && x.writable);
  const fund = defaultFund(funds, search.fund);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [done, setDone] = useState<CommitResult | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [busy, setBusy] = useState<'preview' | 'check' | 'commit' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const fail = (e: unknown) => {
    if (e instanceof ImportFailure) {
      if (e.error.key === 'import.invalid' && e.error.current) setCheck(e.error.current as CheckResult);
      setFailure(t(`errors:${e.error.key}`, { ...e.error.params, defaultValue: e.error.message }));
    } else setFailure(String(e));
  };
  const run = async <T,>(mode: 'preview' | 'check' | 'commit', f: File, m?: ImportMapping): Promise<T | null> => {
    setBusy(mode);
    setFailure(null);
    setProgress(null);
    try {
      return await sendImport<T>(f, { mode, ...(fund && mode !== 'preview' ? { fundId: fund.id } : {}), ...(m ? { mapping: m } : {}) }, setProgress);
    } catch (e) {
      fail(e);
      return null;
    } finally {
      setBusy(null);
    }
  };
  const pick = async (f: File) => {
    setFile(f);
    setPreview(null);
    setCheck(null);
    setDone(null);
    if (f.size > MAX_BYTES) {
      setFailure(t('errors:import.tooLarge', { mb: MAX_BYTES / 1_048_576 }));
      return;
    }
    const p = await run<Preview>('preview', f);
    if (p) {
      setPreview(p);
      setMapping(p.mapping);
    }
  };
  const doCheck = async () => {
    if (!file) return;
    setCheck(null);
    const r = await run<CheckResult>('check', file, mapping);
    if (r) setCheck(r);
  };
  const doCommit = async () => {
    if (!file) return;
    const r = await run<CommitResult>('commit', file, mapping);
    if (r) {
      setDone(r);
      void queryClient.invalidateQueries(trpc.deal.pathFilter());
      void queryClient.invalidateQueries(trpc.pipeline.pathFilter());
      void queryClient.invalidateQueries(trpc.company.pathFilter());
    }
  };
  const reset = () => {
    setFile(null);
    setPreview(null);
    setCheck(null);
    setDone(null);
    setFailure(null);
    setProgress(null);
  };
  const step = done ? 3 : check ? 2 : preview ? 1 : 0;
  const missing = IMPORT_FIELDS.filter((x) => x.required && mapping[x.key] === undefined);
  const fieldName = (key: string | null) => {
    const x = IMPORT_FIELDS.find((y) => y.key === key);
    return x ? (f.locale === 'en' ? x.en : x.zh) : '';
  };
  const issueText = (i: Issue) => {
    const text = t(`importRule.${i.rule}`, { ...i.params, defaultValue: i.message.replace(/^row \d+(, column [A-Z—]+)?( \([^)]*\))?: /, '') });
    const nearest = f.locale === 'en' ? i.params?.nearestEn : i.params?.nearestZh;
    return nearest ? `${text}${t('importNearest', { values: nearest })}` : text;
  };

  return (
    <Page
      title={t('importTitle')}
      subtitle={t('importSub')}
      extra={
        <Space wrap>
          {fund ? <FundSelect funds={funds} value={fund.id} onChange={(id) => void navigate({ search: { fund: id } })} /> : null}
          <Button
            icon={<DownloadOutlined />}
            href={`/api/import/template?format=xlsx&locale=${f.locale}${fund ? `&fund=${fund.id}` : ''}`}
            data-testid="import-template"
          >
            {t('template')}
          </Button>
        </Space>
      }
    >
      <div style={{ marginBottom: 12 }}>
        <PipelineTabs fundId={fund?.id} />
      </div>
      {!options.isPending && !fund ? <Alert type="info" showIcon title={t('importNoFund')} /> : null}
      {fund ? (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Steps
              size="small"
              current={step}
              items={[{ title: t('stepUpload') }, { title: t('stepMap') }, { title: t('stepCheck') }, { title: t('stepImport') }]}
            />
          </Card>
          {busy || progress ? <ProgressLine progress={progress} busy={busy} /> : null}
          {failure ? (
            <Alert
              type="error"
              showIcon
              title={t('importFailed')}
              description={failure}
              style={{ marginBottom: 16 }}
              data-testid="import-failure"
              closable
              onClose={() => setFailure(null)}
            />
          ) : null}
          {!preview && !done ? (
            <Upload.Dragger
              accept=".csv,.xlsx,.txt"
              multiple={false}
              showUploadList={false}
              beforeUpload={(x) => {
                void pick(x);
                return false;
              }}
              disabled={busy !== null}
              data-testid="import-upload"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('dropFile')}</p>
              <p className="ant-upload-hint">{t('dropHint', { mb: MAX_BYTES / 1_048_576, rows: f.number(100_000) })}</p>
            </Upload.Dragger>
          ) : null}
          {preview && !done ? (
            <Row gutter={16}>
              <Col xs={24} xl={9}>
                <Card
                  size="small"
                  title={t('mapping')}
                  style={{ marginBottom: 16 }}
                  extra={
                    <Button size="small" icon={<ReloadOutlined />} onClick={reset}>
                      {t('otherFile')}
                    </Button>
                  }
                  data-testid="import-mapping"
                >
                  <Descriptions size="small" column={1} style={{ marginBottom: 8 }}>
                    <Descriptions.Item label={t('file')}>{preview.fileName}</Descriptions.Item>
                    <Descriptions.Item label={t('format')}>
                      {preview.format.toUpperCase()} · {preview.encoding}
                      {preview.sheet ? ` · ${preview.sheet}` : ''}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('rowsInFile')}>
                      <span data-testid="import-rowcount">{f.number(preview.rowCount)}</span>
                    </Descriptions.Item>
                  </Descriptions>
                  {IMPORT_FIELDS.map((x) => (
                    <div key={x.key} className="hl-map-row">
                      <span>
                        {f.locale === 'en' ? x.en : x.zh}
                        {x.required ? <span style={{ color: '#d4380d' }}> *</span> : null}
                      </span>
                      <Select
                        size="small"
                        allowClear
                        placeholder={t('notMapped')}
                        style={{ width: 200 }}
                        value={mapping[x.key as ImportFieldKey]}
                        onChange={(v?: number) => {
                          setCheck(null);
                          setMapping((m) => {
                            const n = { ...m };
                            if (v === undefined) delete n[x.key as ImportFieldKey];
                            else n[x.key as ImportFieldKey] = v;
                            return n;
                          });
                        }}
                        options={preview.headers.map((h, i) => ({ value: i, label: `${columnLetter(i)} · ${h || '—'}` }))}
                        data-testid={`map-${x.key}`}
                      />
                    </div>
                  ))}
                  {missing.length ? (
                    <Alert
                      type="warning"
                      showIcon
                      style={{ marginTop: 8 }}
                      title={t('mapRequired', { fields: missing.map((x) => fieldName(x.key)).join('、') })}
                    />
                  ) : null}
                  <div className="hl-hint" style={{ marginTop: 8 }}>
                    {t('mappingHint')}
                  </div>
                  <Space style={{ marginTop: 12 }}>
                    <Button
                      type="primary"
                      onClick={() => void doCheck()}
                      loading={busy === 'check'}
                      disabled={missing.length > 0 || busy !== null}
                      data-testid="import-check"
                    >
                      {t('checkFile')}
                    </Button>
                    <Button
                      type="primary"
                      icon={<CheckCircleOutlined />}
                      onClick={() => void doCommit()}
                      loading={busy === 'commit'}
                      disabled={!check || check.issueCount > 0 || busy !== null}
                      data-testid="import-commit"
                    >
                      {check ? t('importNow', { n: f.number(check.dealsNew + check.dealsUpdated) }) : t('importNowPlain')}
                    </Button>
                  </Space>
                </Card>
              </Col>
              <Col xs={24} xl={15}>
                {check ? <CheckPanel check={check} issueText={issueText} fieldName={fieldName} /> : null}
                <Card size="small" title={t('previewTitle', { n: preview.sample.length })} data-testid="import-preview">
                  <Table
                    size="small"
                    rowKey="row"
                    pagination={false}
                    scroll={{ x: 'max-content', y: 360 }}
                    dataSource={preview.sample}
                    columns={[
                      { title: '#', dataIndex: 'row', width: 48, fixed: 'left' },
                      ...preview.headers.map((h, i) => ({
                        title: (
                          <span>
                            {h || '—'}
                            <br />
                            <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                              {fieldName(Object.entries(mapping).find(([, c]) => c === i)?.[0] ?? null) || t('ignored')}
                            </Typography.Text>
                          </span>
                        ),
                        key: String(i),
                        render: (_: unknown, r: { cells: string[] }) => (
                          <span className="hl-ellipsis" style={{ maxWidth: 220, display: 'inline-block' }}>
                            {r.cells[i]}
                          </span>
                        ),
                      })),
                    ]}
                  />
                </Card>
              </Col>
            </Row>
          ) : null}
          {done ? (
            <Result
              status="success"
              data-testid="import-done"
              title={done.written ? t('importDone', { created: f.number(done.dealsCreated), updated: f.number(done.dealsUpdated) }) : t('importNothing')}
              subTitle={t('importDoneSub', {
                companies: f.number(done.companiesCreated),
                notes: f.number(done.notesAdded),
                unchanged: f.number(done.dealsUnchanged),
              })}
              extra={[
                <Link key="board" to="/pipeline" search={{ fund: fund.id }}>
                  <Button type="primary">{t('toBoard')}</Button>
                </Link>,
                <Button key="again" onClick={reset}>
                  {t('importAnother')}
                </Button>,
              ]}
            />
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
