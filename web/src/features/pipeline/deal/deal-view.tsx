import { ArrowLeftOutlined, SwapOutlined } from '@ant-design/icons';
import { isSideStage, type Stage, wonStage } from '@highland/shared';
import { Link } from '@tanstack/react-router';
import { Button, Card, Col, Row, Space, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../components/ui/page.js';
import { useFormat } from '../../../lib/format.js';
import { useDealMove } from '../move-dialogs.js';
import { ScoreForm, ScorecardView } from '../scorecard.js';
import { StageTag, useLabels } from '../use-pipeline.js';
import { CompanyCard, ApplicationCard } from './company-card.js';
import { DealDetails } from './deal-details.js';
import type { DealPageData } from './deal-kit.js';
import { DealTimeline } from './deal-timeline.js';
import { NoteBox } from './note-box.js';

export function DealView({ d }: { d: DealPageData }) {
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
