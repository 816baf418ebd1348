import { ArrowLeftOutlined, CheckCircleTwoTone, CloseCircleTwoTone, EditOutlined, SwapOutlined } from '@ant-design/icons';
import { DEAL_SOURCES, isSideStage, ROUNDS, type Stage, wonStage, shortPersonName } from '@highland/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { App, Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, Row, Select, Space, Steps, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/ui/page.js';
import { QueryState } from '../../components/ui/query-state.js';
import { useFormat } from '../../lib/format.js';
import { useTRPC } from '../../lib/trpc.js';
import type { DealFieldsForm } from './deal-create.js';
import { useDealMove } from './move-dialogs.js';
import { ScoreForm, ScorecardView } from './scorecard.js';
import { fenToWan, type Outputs, StageTag, useDealErrors, useLabels, WanInput, wanToFen } from './use-pipeline.js';

const route = getRouteApi('/pipeline/deals/$dealId');

type DealPageData = Outputs['deal']['get'];

/** One deal: where it stands, its timeline, scorecards and notes, its company; moves and edits for its managers. */
export function DealPage() {
  const { dealId } = route.useParams();
  const trpc = useTRPC();
  const q = useQuery(trpc.deal.get.queryOptions({ id: Number(dealId) }));
  return (
    <QueryState query={q} rows={12}>
      {(d) => <DealView d={d} />}
    </QueryState>
  );
}

function DealView({ d }: { d: DealPageData }) {
  const { t } = useTranslation('pipeline');
  const f = useFormat();
  const l = useLabels();
  const deal = d.deal;
  const name = d.company ? l.name(d.company.nameZh, d.company.nameEn) : l.name(d.application?.proposalNameZh, d.application?.proposalNameEn);
  const mover = useDealMove({ pipeline: deal.pipeline, order: d.stageOrder });
  const stages = d.stages as readonly string[];
  const stage = deal.stage as Stage;
  const side = isSideStage(stage);
  const at = stages.indexOf(side ? (deal.previousStage ?? stages[0] ?? '') : deal.stage);
  const next = !side && at >= 0 && at < stages.length - 1 ? stages[at + 1] : null;
  const won = deal.stage === wonStage(deal.pipeline);
  const movable = {
    id: deal.id,
    version: deal.version,
    stage: deal.stage,
    amountFen: deal.amountFen,
    round: deal.round,
    nameZh: d.application?.proposalNameZh ?? null,
    nameEn: d.application?.proposalNameEn ?? null,
  };
  return (
    <Page
      title={
        <Space>
          <span data-testid="deal-title">{name}</span>
          <StageTag stage={deal.stage} />
        </Space>
      }
      subtitle={
        <Space split="·" wrap>
          <Link to={deal.pipeline === 'selection' ? '/selection' : '/pipeline'} search={deal.pipeline === 'selection' ? {} : { fund: d.fund.id }}>
            <ArrowLeftOutlined /> {d.fund.code} {l.name(d.fund.nameZh, d.fund.nameEn)}
          </Link>
          <span>{t('inStageSince', { date: f.dateOf(deal.stageEnteredAt, 'long') })}</span>
          <span>{t('versionN', { n: deal.version })}</span>
        </Space>
      }
      extra={
        d.canWrite && !won ? (
          <Space wrap>
            {side ? (
              <Button type="primary" onClick={() => mover.request(movable, (deal.previousStage ?? stages[0]) as Stage)} data-testid="deal-return">
                {deal.stage === 'passed' ? t('revive', { stage: l.stage(deal.previousStage) }) : t('resume', { stage: l.stage(deal.previousStage) })}
              </Button>
            ) : null}
            {next ? (
              <Button type="primary" onClick={() => mover.request(movable, next as Stage)} data-testid="deal-advance">
                {t('advanceTo', { stage: l.stage(next) })}
              </Button>
            ) : null}
            {!side ? (
              <Button onClick={() => mover.request(movable, 'on_hold')} data-testid="deal-hold">
                {t('hold')}
              </Button>
            ) : null}
            {deal.stage !== 'passed' ? (
              <Button danger onClick={() => mover.request(movable, 'passed')} data-testid="deal-pass">
                {t('pass')}
              </Button>
            ) : null}
          </Space>
        ) : null
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          current={Math.max(0, at)}
          status={deal.stage === 'passed' ? 'error' : deal.stage === 'on_hold' ? 'wait' : won ? 'finish' : 'process'}
          items={stages.map((s, i) => ({
            title: l.stage(s),
            content: i === at && side ? l.stage(deal.stage) : undefined,
            onClick: d.canWrite && !won && !side && s !== deal.stage ? () => mover.request(movable, s as Stage) : undefined,
          }))}
          data-testid="deal-steps"
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card size="small" title={t('scorecard')} style={{ marginBottom: 16 }} data-testid="deal-scorecard">
            <ScorecardView criteria={d.criteria} card={d.scorecard} scores={d.scores} rank={d.rank} />
            {d.canWrite && !won && !side ? (
              <div style={{ marginTop: 16 }}>
                <Typography.Title level={5}>{t('myScores')}</Typography.Title>
                <ScoreForm dealId={deal.id} criteria={d.criteria} mine={d.myScores} />
              </div>
            ) : null}
          </Card>
          <Card size="small" title={t('timeline')} data-testid="deal-timeline">
            {d.canWrite ? <NoteBox dealId={deal.id} /> : null}
            <DealTimeline d={d} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <DealDetails d={d} />
          {d.company ? <CompanyCard d={d} /> : <ApplicationCard d={d} />}
          {d.overlap.length ? (
            <Card size="small" title={t('otherFunds')} style={{ marginBottom: 16 }} data-testid="deal-overlap">
              {d.overlap.map((o) => (
                <div key={o.dealId} style={{ display: 'flex', justifyContent: 'space-between', padding: '2px 0' }}>
                  <Link to="/pipeline/deals/$dealId" params={{ dealId: String(o.dealId) }}>
                    <SwapOutlined /> {o.fundCode}
                  </Link>
                  <StageTag stage={o.stage} />
                </div>
              ))}
            </Card>
          ) : null}
        </Col>
      </Row>
      {mover.dialog}
    </Page>
  );
}

function DealDetails({ d }: { d: DealPageData }) {
  const { t } = useTranslation('pipeline');
  const f = useFormat();
  const l = useLabels();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const errors = useDealErrors();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm();
  const deal = d.deal;
  const update = useMutation(
    trpc.deal.update.mutationOptions({
      onSuccess: () => {
        setEditing(false);
        void message.success(t('saved'));
        void queryClient.invalidateQueries(trpc.deal.pathFilter());
      },
      onError: errors.onError,
    }),
  );
  const selection = deal.pipeline === 'selection';
  return (
    <Card
      size="small"
      title={t('dealDetails')}
      style={{ marginBottom: 16 }}
      extra={
        d.canWrite && !editing ? (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="deal-edit">
            {t('common:edit')}
          </Button>
        ) : null
      }
    >
      {editing ? (
        <Form
          form={form}
          layout="vertical"
          size="small"
          initialValues={{
            ownerId: deal.ownerId,
            source: deal.source,
            round: deal.round,
            amountWan: fenToWan(deal.amountFen),
            preMoneyWan: fenToWan(deal.preMoneyFen),
            nextStep: deal.nextStep,
            nextStepDate: deal.nextStepDate ? dayjs(deal.nextStepDate) : null,
          }}
          onFinish={(v: DealFieldsForm) =>
            update.mutate({
              id: deal.id,
              version: deal.version,
              ownerId: v.ownerId ?? null,
              source: v.source as never,
              round: (v.round ?? null) as never,
              amountFen: wanToFen(v.amountWan),
              preMoneyFen: selection ? undefined : wanToFen(v.preMoneyWan),
              nextStep: v.nextStep ?? null,
              nextStepDate: v.nextStepDate ? v.nextStepDate.format('YYYY-MM-DD') : null,
            })
          }
        >
          <Form.Item name="ownerId" label={t('owner')}>
            <Select allowClear options={d.owners.map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
          <Form.Item name="source" label={t('source')}>
            <Select options={l.options(DEAL_SOURCES)} />
          </Form.Item>
          {!selection ? (
            <Form.Item name="round" label={t('round')}>
              <Select allowClear options={l.options(ROUNDS)} />
            </Form.Item>
          ) : null}
          <Form.Item name="amountWan" label={selection ? t('motherCommitment') : t('amountWan')}>
            <WanInput data-testid="edit-amount" />
          </Form.Item>
          {!selection ? (
            <Form.Item name="preMoneyWan" label={t('preMoneyWan')}>
              <WanInput />
            </Form.Item>
          ) : null}
          <Form.Item name="nextStep" label={t('nextStep')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="nextStepDate" label={t('nextStepDate')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="deal-edit-save">
              {t('common:save')}
            </Button>
            <Button onClick={() => setEditing(false)}>{t('common:cancel')}</Button>
          </Space>
        </Form>
      ) : (
        <Descriptions size="small" column={1} labelStyle={{ width: 110 }}>
          <Descriptions.Item label={t('owner')}>{d.owner?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('source')}>{l.source(deal.source)}</Descriptions.Item>
          {!selection ? <Descriptions.Item label={t('round')}>{l.round(deal.round)}</Descriptions.Item> : null}
          <Descriptions.Item label={selection ? t('motherCommitment') : t('amount')}>
            <span className="num" data-testid="deal-amount-view">
              {deal.amountFen ? f.money(deal.amountFen) : '—'}
            </span>
          </Descriptions.Item>
          {!selection ? (
            <Descriptions.Item label={t('preMoney')}>
              <span className="num">{deal.preMoneyFen ? f.money(deal.preMoneyFen) : '—'}</span>
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('nextStep')}>
            {deal.nextStep ?? '—'} {deal.nextStepDate ? <Tag>{deal.nextStepDate}</Tag> : null}
          </Descriptions.Item>
          {deal.closingDate ? (
            <Descriptions.Item label={t('closing')}>
              {t('closingLine', {
                date: deal.closingDate,
                amount: f.money(deal.closingAmountFen ?? 0),
                round: l.round(deal.closingRound),
                equity: f.percent(deal.closingEquity, 2),
                instrument: l.instrument(deal.closingInstrument),
              })}
              {d.closingReversal ? (
                <Tag color="orange" style={{ marginInlineStart: 8 }} data-testid="closing-reversed">
                  {t('closingReversed', { reason: d.closingReversal.reason ?? '' })}
                </Tag>
              ) : null}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      )}
    </Card>
  );
}

function CompanyCard({ d }: { d: DealPageData }) {
  const { t } = useTranslation('pipeline');
  const l = useLabels();
  const f = useFormat();
  const c = d.company;
  if (!c) return null;
  const fit = d.policyFit;
  const mark = (ok: boolean | undefined) => (ok ? <CheckCircleTwoTone twoToneColor="#16a34a" /> : <CloseCircleTwoTone twoToneColor="#d4380d" />);
  return (
    <Card
      size="small"
      title={t('company')}
      style={{ marginBottom: 16 }}
      extra={
        <Link to="/companies/$companyId" params={{ companyId: String(c.id) }}>
          {t('openCompany')}
        </Link>
      }
    >
      <Descriptions size="small" column={1} labelStyle={{ width: 110 }}>
        <Descriptions.Item label={t('uscc')}>
          <span style={{ fontFamily: 'monospace' }}>{c.uscc ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('sector')}>{l.sector(c.sector)}</Descriptions.Item>
        <Descriptions.Item label={t('zone')}>
          {l.zone(c.zone)} {c.registeredInShanghai ? <Tag color="blue">{t('shanghaiRegistered')}</Tag> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('ownership')}>{l.ownership(c.ownership)}</Descriptions.Item>
        <Descriptions.Item label={t('founded')}>{f.date(c.founded)}</Descriptions.Item>
        <Descriptions.Item label={t('headcount')}>{c.headcount === null ? '—' : f.number(c.headcount)}</Descriptions.Item>
        {c.website ? (
          <Descriptions.Item label={t('website')}>
            <Typography.Link href={c.website} target="_blank" rel="noreferrer noopener">
              {c.website.replace(/^https?:\/\//, '')}
            </Typography.Link>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {fit ? (
        <div className="hl-policy-fit" data-testid="policy-fit">
          <Typography.Text type="secondary">{t('policyFit')}</Typography.Text>
          <div>
            {mark(fit.focusSector)} {t('fitFocus')}
          </div>
          <div>
            {mark(fit.shanghai)} {t('fitLocal')}
          </div>
          <div>
            {mark(fit.privateFirm)} {t('fitPrivate')}
          </div>
          <div>
            {mark(fit.earlyHardTech)} {t('fitHardTech')}
          </div>
        </div>
      ) : null}
    </Card>
  );
}

function ApplicationCard({ d }: { d: DealPageData }) {
  const { t } = useTranslation('pipeline');
  const l = useLabels();
  const f = useFormat();
  const a = d.application;
  if (!a) return null;
  return (
    <Card size="small" title={t('application')} style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={1} labelStyle={{ width: 110 }}>
        <Descriptions.Item label={t('applicant')}>{l.name(a.applicantNameZh, a.applicantNameEn)}</Descriptions.Item>
        <Descriptions.Item label={t('proposalName')}>{l.name(a.proposalNameZh, a.proposalNameEn)}</Descriptions.Item>
        <Descriptions.Item label={t('proposalSize')}>{a.proposalSizeFen ? f.money(a.proposalSizeFen) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('proposalSectors')}>
          {a.proposalSectors.map((s) => (
            <Tag key={s}>{l.sector(s)}</Tag>
          ))}
        </Descriptions.Item>
        {a.resultFundId ? <Descriptions.Item label={t('resultFund')}>{t('resultFundCreated', { id: a.resultFundId })}</Descriptions.Item> : null}
      </Descriptions>
    </Card>
  );
}

function NoteBox(props: { dealId: number }) {
  const { t } = useTranslation('pipeline');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errors = useDealErrors();
  const [body, setBody] = useState('');
  const add = useMutation(
    trpc.deal.addNote.mutationOptions({
      onSuccess: () => {
        setBody('');
        void queryClient.invalidateQueries(trpc.deal.get.pathFilter());
      },
      onError: errors.onError,
    }),
  );
  return (
    <Space.Compact style={{ width: '100%', marginBottom: 16 }}>
      <Input.TextArea
        autoSize={{ minRows: 1, maxRows: 5 }}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        placeholder={t('notePlaceholder')}
        maxLength={5000}
        data-testid="note-input"
      />
      <Button type="primary" disabled={!body.trim()} loading={add.isPending} onClick={() => add.mutate({ dealId: props.dealId, body })} data-testid="note-add">
        {t('addNote')}
      </Button>
    </Space.Compact>
  );
}

/** Stage events, notes, score submissions and edits, newest first. */
function DealTimeline({ d }: { d: DealPageData }) {
  const { t } = useTranslation('pipeline');
  const l = useLabels();
  const f = useFormat();
  const who = (label: string) => label.replace(/@demo\.highland$/, '');
  type Item = { at: string; color: string; title: ReactNode; body?: ReactNode; key: string };
  const items: Item[] = [];
  for (const e of d.events)
    items.push({
      key: `e${e.id}`,
      at: e.at,
      color: e.toStage === 'passed' ? 'red' : e.toStage === 'on_hold' ? 'gray' : e.kind === 'back' ? 'orange' : 'blue',
      title: (
        <span>
          {e.fromStage ? (
            <>
              {l.stage(e.fromStage)} → <strong>{l.stage(e.toStage)}</strong>
            </>
          ) : (
            t('createdIn', { stage: l.stage(e.toStage) })
          )}{' '}
          <Typography.Text type="secondary">· {who(e.actorLabel)}</Typography.Text>
        </span>
      ),
      body: e.reason ? <Typography.Text type="secondary">{t('because', { reason: e.reason })}</Typography.Text> : undefined,
    });
  for (const n of d.notes)
    items.push({
      key: `n${n.id}`,
      at: n.at,
      color: 'green',
      title: <Typography.Text type="secondary">{t('noteBy', { who: who(n.authorLabel) })}</Typography.Text>,
      body: n.body,
    });
  const byScorer = new Map<string, { name: string; at: string; n: number }>();
  for (const s of d.scores) {
    const k = `${s.scorerId}|${s.at}`;
    const g = byScorer.get(k) ?? { name: shortPersonName(s.scorerName), at: s.at, n: 0 };
    g.n += 1;
    byScorer.set(k, g);
  }
  for (const [k, g] of byScorer) items.push({ key: `s${k}`, at: g.at, color: 'purple', title: t('scoredBy', { who: g.name, n: g.n }) });
  for (const [i, e] of d.edits.entries()) {
    const changed = Object.keys(e.after ?? {}).filter(
      (k) => !['version', 'updatedAt'].includes(k) && JSON.stringify(e.before?.[k]) !== JSON.stringify(e.after?.[k]),
    );
    items.push({
      key: `u${i}`,
      at: e.at,
      color: 'gray',
      title: t('editedBy', { who: who(e.actor), fields: changed.map((c) => t(`field.${c}`, { defaultValue: c })).join('、') }),
    });
  }
  items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  if (!items.length) return <Empty />;
  return (
    <Timeline
      items={items.map((i) => ({
        key: i.key,
        color: i.color,
        content: (
          <div>
            <div>{i.title}</div>
            {i.body ? <div style={{ whiteSpace: 'pre-wrap' }}>{i.body}</div> : null}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {f.instant(i.at)}
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}
