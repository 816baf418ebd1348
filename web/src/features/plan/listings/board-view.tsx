import { Badge, Card, Progress, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format.js';
import { COMMITTEE_COLOR, useLabels } from '../kit.js';
import { type Attempt, COLUMNS, columnOf } from './listings-kit.js';

export function BoardView(props: { attempts: Attempt[]; onOpen: (id: number) => void }) {
  const { t } = useTranslation('plan');
  return (
    <div
      style={{ display: 'grid', gridTemplateColumns: `repeat(${COLUMNS.length}, minmax(150px, 1fr))`, gap: 12, overflowX: 'auto' }}
      data-testid="listing-board"
    >
      {COLUMNS.map((c) => {
        const items = props.attempts.filter((a) => columnOf(a) === c.key);
        return (
          <div key={c.key} data-testid={`column-${c.key}`} style={{ background: '#eef1f6', borderRadius: 8, padding: 8, minHeight: 200 }}>
            <div style={{ display: 'flex', justifyContent: 'space-between', padding: '2px 4px 8px', fontWeight: 600, color: '#0f1f3d' }}>
              <span>{t(`listings.columns.${c.key}`)}</span>
              <Badge count={items.length} showZero color={c.key === 'suspended' ? '#d97706' : c.key === 'ended' ? '#94a3b8' : '#1d4ed8'} />
            </div>
            <Space orientation="vertical" style={{ width: '100%' }} size={8}>
              {items.map((a) => (
                <AttemptCard key={a.id} a={a} onOpen={() => props.onOpen(a.id)} />
              ))}
            </Space>
          </div>
        );
      })}
    </div>
  );
}

export function AttemptCard(props: { a: Attempt; onOpen: () => void }) {
  const { t } = useTranslation('plan');
  const f = useFormat();
  const labels = useLabels();
  const a = props.a;
  const over = a.phaseDays !== null && a.phaseTypicalDays !== null && a.phaseDays > a.phaseTypicalDays;
  return (
    <Card size="small" hoverable onClick={props.onOpen} data-testid={`attempt-${a.id}`} styles={{ body: { padding: 10 } }}>
      <div style={{ fontWeight: 600, fontSize: 13, lineHeight: 1.35 }}>{f.locale === 'en' ? (a.nameEn ?? a.nameZh) : a.nameZh}</div>
      <Space size={4} wrap style={{ margin: '6px 0' }}>
        {a.stage ? <Tag color={a.outcome === 'listed' ? 'green' : 'blue'}>{labels.event(a.stage)}</Tag> : null}
        {a.committeeOutcome && a.stage === 'committee' ? <Tag color={COMMITTEE_COLOR[a.committeeOutcome]}>{labels.outcome(a.committeeOutcome)}</Tag> : null}
        {a.suspended ? <Tag color="orange">{t('listings.suspendedSince', { date: a.suspendedSince })}</Tag> : null}
        {a.outcome && a.outcome !== 'listed' ? <Tag>{a.outcome === 'terminated' ? labels.event('terminated') : labels.outcome('rejected')}</Tag> : null}
        {a.attemptNo > 1 ? <Tag>{t('listings.attempt', { n: a.attemptNo })}</Tag> : null}
      </Space>
      {a.outcome === null && !a.suspended && a.daysInStage !== null ? (
        <div style={{ fontSize: 12, color: '#475467' }}>{t('listings.inStage', { n: a.daysInStage })}</div>
      ) : null}
      {a.outcome === null && a.phase && a.phaseDays !== null ? (
        <div style={{ fontSize: 12 }}>
          <div style={{ color: over ? '#dc2626' : '#475467' }}>
            {a.phaseTypicalDays !== null
              ? t('listings.phaseVsTypical', { phase: labels.phase(a.phase), days: a.phaseDays, typical: a.phaseTypicalDays })
              : t('listings.phaseNoTypical', { phase: labels.phase(a.phase), days: a.phaseDays })}
          </div>
          {a.phaseTypicalDays !== null ? (
            <Progress
              size="small"
              showInfo={false}
              percent={Math.min(100, (a.phaseDays / a.phaseTypicalDays) * 100)}
              strokeColor={over ? '#dc2626' : '#1d4ed8'}
              style={{ margin: 0 }}
            />
          ) : null}
        </div>
      ) : null}
      {a.outcome !== null ? <div style={{ fontSize: 12, color: '#475467' }}>{a.closedOn}</div> : null}
      <div style={{ fontSize: 12, color: '#667085', marginTop: 4 }}>
        {a.sponsor} · {t('listings.standardN', { n: a.listingStandard })} · {f.money(a.plannedRaiseFen)}
      </div>
    </Card>
  );
}
