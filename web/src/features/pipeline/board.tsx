import { ClockCircleOutlined, MoreOutlined, StarFilled, SwapOutlined, UserOutlined } from '@ant-design/icons';
import { type PipelineKind, type Stage, shortPersonName } from '@highland/shared';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Alert, Button, Card, Dropdown, Empty, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/ui/query-state.js';
import { useFormat } from '../../lib/format.js';
import { useTRPC } from '../../lib/trpc.js';
import { type MovableDeal, useDealMove } from './move-dialogs.js';
import { useLabels } from './use-pipeline.js';

type BoardData = NonNullable<ReturnType<typeof useBoardQuery>['data']>;
type BoardCard = BoardData['columns'][number]['cards'][number];

function useBoardQuery(input: { fundId: number; pipeline: PipelineKind; perColumn: number; q?: string | undefined; ownerIds?: number[] | undefined }) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.deal.board.queryOptions(input), placeholderData: (prev) => prev });
}

const DRAG_TYPE = 'application/x-highland-deal';

/**
 * A fund's kanban board: one column per stage in the fund's order, then on hold and passed. Each
 * column heads with its count and proposed amount (over all its deals, not just the cards shown).
 * Dragging a card to another column asks the server to move it; a refused move says why, on the
 * board, until the next move.
 */
export function Board(props: { fundId: number; pipeline: PipelineKind; q?: string | undefined; ownerIds?: number[] | undefined }) {
  const { t } = useTranslation('pipeline');
  const f = useFormat();
  const l = useLabels();
  const [perColumn, setPerColumn] = useState(40);
  const q = useBoardQuery({ fundId: props.fundId, pipeline: props.pipeline, perColumn, q: props.q || undefined, ownerIds: props.ownerIds });
  const [refusal, setRefusal] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string | null>(null);
  const mover = useDealMove({
    pipeline: props.pipeline,
    order: q.data?.stageOrder ?? 'committee_first',
    onRefused: (m) => setRefusal(m),
    onMoved: () => setRefusal(null),
  });
  const navigate = useNavigate();

  const onDrop = (e: DragEvent, to: Stage) => {
    e.preventDefault();
    setOver(null);
    const raw = e.dataTransfer.getData(DRAG_TYPE) || e.dataTransfer.getData('text/plain');
    if (!raw) return;
    const deal = JSON.parse(raw) as MovableDeal;
    if (deal.stage !== to) mover.request(deal, to);
  };

  return (
    <>
      {refusal ? (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setRefusal(null)}
          title={t('moveRefused')}
          description={refusal}
          data-testid="board-refusal"
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <QueryState query={q} rows={10}>
        {(board) => {
          const dropProps = (stage: string) => ({
            'aria-label': l.stage(stage),
            onDragOver: (e: DragEvent) => {
              if (!board.canWrite) return;
              e.preventDefault();
              e.dataTransfer.dropEffect = 'move';
              if (over !== stage) setOver(stage);
            },
            onDragLeave: () => setOver((o) => (o === stage ? null : o)),
            onDrop: (e: DragEvent) => onDrop(e, stage as Stage),
          });
          const cardsOf = (col: BoardData['columns'][number]) => (
            <>
              {col.cards.map((card) => (
                <DealCard
                  key={card.id}
                  card={card}
                  canWrite={board.canWrite}
                  stages={board.columns.map((c) => c.stage)}
                  onOpen={() => void navigate({ to: '/pipeline/deals/$dealId', params: { dealId: String(card.id) } })}
                  onMove={(to) => mover.request(movable(card), to as Stage)}
                />
              ))}
              {col.count > col.cards.length ? (
                <Button type="link" size="small" block onClick={() => setPerColumn((n) => Math.min(500, n + 60))}>
                  {t('showMore', { n: col.count - col.cards.length })}
                </Button>
              ) : null}
            </>
          );
          const open = board.columns.filter((c) => c.stage !== 'on_hold' && c.stage !== 'passed');
          const side = board.columns.filter((c) => c.stage === 'on_hold' || c.stage === 'passed');
          return (
            <>
              <div className="hl-board-side" data-testid="board-side">
                {side.map((col) => (
                  <section
                    key={col.stage}
                    className={`hl-board-sidezone${over === col.stage ? ' hl-board-col-over' : ''}${expanded === col.stage ? ' hl-board-sidezone-open' : ''}`}
                    data-testid={`column-${col.stage}`}
                    {...dropProps(col.stage)}
                  >
                    <header className="hl-board-sidezone-head">
                      <Typography.Text strong>{l.stage(col.stage)}</Typography.Text>
                      <span className="num" data-testid={`count-${col.stage}`}>
                        {f.number(col.count)}
                      </span>
                      <span className="num hl-muted" data-testid={`amount-${col.stage}`}>
                        {col.amountFen ? f.money(col.amountFen) : '—'}
                      </span>
                      <span className="hl-muted hl-board-sidezone-hint">{board.canWrite ? t('dropHere') : null}</span>
                      <Button
                        size="small"
                        type="link"
                        onClick={() => setExpanded((x) => (x === col.stage ? null : col.stage))}
                        data-testid={`expand-${col.stage}`}
                      >
                        {expanded === col.stage ? t('collapse') : t('expand')}
                      </Button>
                    </header>
                    {expanded === col.stage ? <div className="hl-board-sidezone-cards">{cardsOf(col)}</div> : null}
                  </section>
                ))}
              </div>
              <div className="hl-board" data-testid="board">
                {open.map((col) => (
                  <section
                    key={col.stage}
                    className={`hl-board-col${over === col.stage ? ' hl-board-col-over' : ''}`}
                    data-testid={`column-${col.stage}`}
                    {...dropProps(col.stage)}
                  >
                    <header className="hl-board-col-head">
                      <Typography.Text strong>{l.stage(col.stage)}</Typography.Text>
                      <span className="num" data-testid={`count-${col.stage}`}>
                        {f.number(col.count)}
                      </span>
                      <div className="hl-board-col-amount num" data-testid={`amount-${col.stage}`}>
                        {col.amountFen ? f.money(col.amountFen, { digits: col.amountFen >= 10_000_000_000 ? 2 : 0 }) : '—'}
                      </div>
                    </header>
                    <div className="hl-board-cards">
                      {col.cards.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('emptyColumn')} /> : null}
                      {cardsOf(col)}
                    </div>
                  </section>
                ))}
              </div>
            </>
          );
        }}
      </QueryState>
      {q.isFetching && q.data ? <Skeleton.Button active size="small" style={{ position: 'fixed', right: 24, bottom: 24 }} /> : null}
      {mover.dialog}
    </>
  );
}

const movable = (c: BoardCard): MovableDeal => ({
  id: c.id,
  version: c.version,
  stage: c.stage,
  amountFen: c.amountFen,
  round: c.round,
  nameZh: c.nameZh,
  nameEn: c.nameEn,
});

function DealCard(props: { card: BoardCard; canWrite: boolean; stages: string[]; onOpen: () => void; onMove: (to: string) => void }) {
  const { t } = useTranslation('pipeline');
  const f = useFormat();
  const l = useLabels();
  const c = props.card;
  const days = Math.max(0, Math.floor((Date.now() - Date.parse(c.stageEnteredAt)) / 86_400_000));
  return (
    <Card
      size="small"
      className="hl-deal-card"
      hoverable
      draggable={props.canWrite}
      data-testid={`card-${c.id}`}
      data-deal-name={c.nameZh}
      onDragStart={(e) => {
        const data = JSON.stringify(movable(c));
        e.dataTransfer.setData(DRAG_TYPE, data);
        e.dataTransfer.setData('text/plain', data);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onClick={props.onOpen}
      styles={{ body: { padding: '8px 10px' } }}
    >
      <div className="hl-deal-card-title">
        <span>{l.name(c.nameZh, c.nameEn)}</span>
        {props.canWrite ? (
          <Dropdown
            trigger={['click']}
            menu={{
              items: props.stages.filter((s) => s !== c.stage).map((s) => ({ key: s, label: t('moveTo', { stage: l.stage(s) }) })),
              onClick: ({ key, domEvent }) => {
                domEvent.stopPropagation();
                props.onMove(key);
              },
            }}
          >
            <Button
              type="text"
              size="small"
              icon={<MoreOutlined />}
              onClick={(e) => e.stopPropagation()}
              aria-label={t('moveMenu')}
              data-testid={`card-menu-${c.id}`}
            />
          </Dropdown>
        ) : null}
      </div>
      <div className="hl-deal-card-meta">
        {c.sector ? <Tag bordered={false}>{l.sector(c.sector)}</Tag> : null}
        {c.overlap ? (
          <Tooltip title={t('overlapHint')}>
            <Tag color="volcano" bordered={false} icon={<SwapOutlined />}>
              {t('overlap')}
            </Tag>
          </Tooltip>
        ) : null}
      </div>
      <div className="hl-deal-card-foot">
        <span className="num">{c.amountFen ? f.money(c.amountFen, { digits: c.amountFen >= 10_000_000_000 ? 2 : 0 }) : t('noAmount')}</span>
        <Tooltip title={c.scoreComplete ? t('scoreComplete') : t('scorePartial')}>
          <span className={`num hl-score${c.score === null ? ' hl-score-none' : ''}`}>
            <StarFilled /> {c.score === null ? t('unscored') : f.number(c.score, 1)}
            {c.score !== null && !c.scoreComplete ? '*' : ''}
          </span>
        </Tooltip>
      </div>
      <div className="hl-deal-card-foot hl-muted">
        <span className="hl-ellipsis">
          <UserOutlined /> {shortPersonName(c.ownerName)}
        </span>
        <Tooltip title={t('daysInStageLong', { n: days })}>
          <span style={{ whiteSpace: 'nowrap' }}>
            <ClockCircleOutlined /> {t('daysShort', { n: days })}
          </span>
        </Tooltip>
      </div>
    </Card>
  );
}
