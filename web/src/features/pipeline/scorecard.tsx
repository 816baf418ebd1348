import { InfoCircleOutlined } from '@ant-design/icons';
import { type Labelled, type Criterion as SharedCriterion, shortPersonName } from '@highland/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Popover, Progress, Radio, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.js';
import { useTRPC } from '../../lib/trpc.js';
import { useDealErrors } from './use-pipeline.js';

/** A criterion as it arrives over the wire (its anchors as a plain list). */
type Criterion = Omit<SharedCriterion, 'anchors'> & { anchors: readonly Labelled[] };

interface ScoreRow {
  scorerId: number;
  scorerName: string;
  criterion: string;
  score: number;
  comment: string | null;
  at: string;
}

interface Card {
  criteria: Array<{ key: string; weight: number; mean: number | null; scorers: number }>;
  total: number | null;
  complete: boolean;
  scorers: number;
}

const anchorsOf = (c: Criterion, en: boolean) => c.anchors.map((a, i) => `${i + 1} — ${en ? a.en : a.zh}`);

/** The deal's scorecard: per criterion its weight, the mean of its scorers and each scorer's score. */
export function ScorecardView(props: { criteria: Criterion[]; card: Card; scores: ScoreRow[]; rank: { rank: number; of: number } | null }) {
  const { t, i18n } = useTranslation('pipeline');
  const f = useFormat();
  const en = i18n.language === 'en';
  const scorers = [...new Map(props.scores.map((s) => [s.scorerId, shortPersonName(s.scorerName)])).entries()];
  const totalWeight = props.criteria.reduce((s, c) => s + c.weight, 0) || 1;
  return (
    <>
      <Space size={24} wrap style={{ marginBottom: 12 }}>
        <span>
          <Typography.Text type="secondary">{t('totalScore')}</Typography.Text>{' '}
          <span className="num" style={{ fontSize: 22, fontWeight: 600 }} data-testid="score-total">
            {props.card.total === null ? '—' : f.number(props.card.total, 2)}
          </span>
          <Typography.Text type="secondary"> / 5</Typography.Text>
        </span>
        {props.card.complete ? <Tag color="green">{t('scoreComplete')}</Tag> : <Tag color="orange">{t('scoreIncomplete')}</Tag>}
        <span>{t('scorers', { n: props.card.scorers })}</span>
        {props.rank ? <span data-testid="score-rank">{t('rankOf', { rank: props.rank.rank, of: props.rank.of })}</span> : null}
      </Space>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        data-testid="scorecard-table"
        dataSource={props.criteria.map((c) => ({ ...c, ...(props.card.criteria.find((x) => x.key === c.key) ?? { mean: null, scorers: 0 }) }))}
        columns={[
          {
            title: t('criterion'),
            key: 'name',
            render: (_: unknown, c) => (
              <Space size={4}>
                {en ? c.en : c.zh}
                <Popover
                  title={en ? c.en : c.zh}
                  content={
                    <div style={{ maxWidth: 360 }}>
                      {anchorsOf(c, en).map((a) => (
                        <div key={a}>{a}</div>
                      ))}
                    </div>
                  }
                >
                  <InfoCircleOutlined style={{ color: '#98a2b3' }} />
                </Popover>
              </Space>
            ),
          },
          {
            title: t('weight'),
            key: 'weight',
            align: 'right',
            width: 80,
            render: (_: unknown, c) => <span className="num">{f.percent(c.weight / totalWeight, 0)}</span>,
          },
          {
            title: t('meanScore'),
            key: 'mean',
            width: 180,
            render: (_: unknown, c) =>
              c.mean === null ? (
                <Typography.Text type="secondary">{t('unscored')}</Typography.Text>
              ) : (
                <Space size={8}>
                  <Progress percent={(c.mean / 5) * 100} showInfo={false} size="small" style={{ width: 90, margin: 0 }} />
                  <span className="num">{f.number(c.mean, 2)}</span>
                </Space>
              ),
          },
          ...scorers.map(([id, name]) => ({
            title: name,
            key: `s${id}`,
            align: 'center' as const,
            width: 90,
            render: (_: unknown, c: { key: string }) => {
              const s = props.scores.find((x) => x.scorerId === id && x.criterion === c.key);
              return s ? (
                <Tooltip title={s.comment ?? undefined}>
                  <span className="num">{s.score}</span>
                </Tooltip>
              ) : (
                '—'
              );
            },
          })),
        ]}
      />
    </>
  );
}

/** The signed-in manager's own scores, 1–5 against the written anchors. */
export function ScoreForm(props: { dealId: number; criteria: Criterion[]; mine: Array<{ criterion: string; score: number }> }) {
  const { t, i18n } = useTranslation('pipeline');
  const en = i18n.language === 'en';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const errors = useDealErrors();
  const [form] = Form.useForm<Record<string, number | undefined>>();
  useEffect(() => {
    form.setFieldsValue(Object.fromEntries(props.mine.map((m) => [m.criterion, m.score])));
  }, [props.mine, form]);
  const submit = useMutation(
    trpc.deal.score.mutationOptions({
      onSuccess: () => {
        void message.success(t('scoresSaved'));
        void queryClient.invalidateQueries(trpc.deal.pathFilter());
      },
      onError: errors.onError,
    }),
  );
  return (
    <Form
      form={form}
      layout="horizontal"
      labelCol={{ span: 6 }}
      data-testid="score-form"
      onFinish={(v) => {
        const scores = Object.entries(v)
          .filter(([, s]) => typeof s === 'number')
          .map(([criterion, score]) => ({ criterion, score: score as number, comment: null }));
        if (!scores.length) {
          void message.warning(t('scoreSomething'));
          return;
        }
        submit.mutate({ dealId: props.dealId, scores });
      }}
    >
      {props.criteria.map((c) => (
        <Form.Item key={c.key} name={c.key} label={en ? c.en : c.zh} style={{ marginBottom: 6 }}>
          <Radio.Group size="small" optionType="button" buttonStyle="solid" data-testid={`score-${c.key}`}>
            {[1, 2, 3, 4, 5].map((n) => (
              <Tooltip key={n} title={en ? c.anchors[n - 1]?.en : c.anchors[n - 1]?.zh}>
                <Radio.Button value={n}>{n}</Radio.Button>
              </Tooltip>
            ))}
          </Radio.Group>
        </Form.Item>
      ))}
      <Form.Item wrapperCol={{ offset: 6 }} style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="score-submit">
          {t('saveScores')}
        </Button>
      </Form.Item>
    </Form>
  );
}
