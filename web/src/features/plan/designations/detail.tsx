import { Col, Descriptions, Row, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format.js';
import { useLabels } from '../kit.js';
import type { Item } from './designations-kit.js';

export function Detail(props: { item: Item }) {
  const { t } = useTranslation('plan');
  const f = useFormat();
  const labels = useLabels();
  const r = props.item;
  const facts = r.facts as Record<string, number | string | null> | null;
  const m = (k: string) => (typeof facts?.[k] === 'number' ? f.money(facts[k] as number) : '—');
  return (
    <Row gutter={24}>
      <Col xs={24} lg={14}>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('designations.criteria')}>
            {r.criteria.map((c) => (
              <Tag key={c}>{labels.criterion(c)}</Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('designations.evidence')}>{r.evidence}</Descriptions.Item>
          {facts ? (
            <Descriptions.Item label={t('designations.facts')}>
              {t('designations.kpiYear')} {facts.kpiYear ?? '—'} · {t('designations.revenue')} {m('revenueFen')} · {t('designations.output')}{' '}
              {m('outputValueFen')} · {t('designations.rnd')} {m('rndFen')} · {t('designations.patents')} {facts.patents ?? '—'} · {t('designations.headcount')}{' '}
              {facts.headcount ?? '—'}
            </Descriptions.Item>
          ) : null}
          {r.reviewNote ? <Descriptions.Item label={t('designations.reviewNote')}>{r.reviewNote}</Descriptions.Item> : null}
          {r.revokeReason ? <Descriptions.Item label={t('designations.reason')}>{r.revokeReason}</Descriptions.Item> : null}
        </Descriptions>
      </Col>
      <Col xs={24} lg={10}>
        <Typography.Text strong>{t('designations.history')}</Typography.Text>
        <Timeline
          style={{ marginTop: 12 }}
          items={r.history.map((h) => ({
            color: h.action === 'approved' ? 'green' : h.action === 'revoked' ? 'red' : h.action === 'rejected' ? 'gray' : 'blue',
            content: (
              <div>
                <strong>{h.date}</strong> {t(`designations.actions.${h.action}`)} · {h.by ?? t('designations.system')}
                {h.note ? <div style={{ color: '#667085' }}>{h.note}</div> : null}
              </div>
            ),
          }))}
        />
      </Col>
    </Row>
  );
}
