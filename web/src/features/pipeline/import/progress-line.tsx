import { Card, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format.js';
import type { ImportProgress } from '../import-client.js';

export function ProgressLine(props: { progress: ImportProgress | null; busy: string | null }) {
  const { t } = useTranslation('pipeline');
  const f = useFormat();
  const p = props.progress;
  const pct = p?.total ? Math.round((p.done / p.total) * 100) : 0;
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="import-progress">
      <Space style={{ width: '100%' }} orientation="vertical" size={2}>
        <Typography.Text>
          {p ? t(`phase.${p.phase}`) : t('phase.upload')}
          {p && p.phase !== 'upload' && p.phase !== 'read' ? ` · ${f.number(p.done)} / ${f.number(p.total)}` : ''}
        </Typography.Text>
        <Progress percent={pct} status={props.busy ? 'active' : 'normal'} size="small" />
      </Space>
    </Card>
  );
}
