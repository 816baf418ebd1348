import { shortPersonName } from '@highland/shared';
import { Empty, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format.js';
import { useLabels } from '../use-pipeline.js';
import type { DealPageData } from './deal-kit.js';

/** Stage events, notes, score submissions and edits, newest first. */
export function DealTimeline({ d }: { d: DealPageData }) {
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
      title: t('editedBy', { who: who(e.actor), fields: changed.map((c) => t(`field.${c}`, { defaultValue: c })).join(t('common:listSeparator')) }),
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
