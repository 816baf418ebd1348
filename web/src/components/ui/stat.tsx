import { Card, Progress, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A headline figure: label, value, an optional line under it and an optional progress toward a target. */
export function Stat(props: { label: ReactNode; value: ReactNode; note?: ReactNode; progress?: number; testId?: string }) {
  return (
    <Card size="small" className="hl-stat" data-testid={props.testId} styles={{ body: { padding: '14px 16px' } }}>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {props.label}
      </Typography.Text>
      <div className="num" style={{ fontSize: 24, fontWeight: 600, color: '#0f1f3d', margin: '4px 0 2px' }}>
        {props.value}
      </div>
      {props.progress !== undefined ? <Progress percent={Math.round(props.progress * 1000) / 10} size="small" showInfo={false} /> : null}
      {props.note ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {props.note}
        </Typography.Text>
      ) : null}
    </Card>
  );
}
