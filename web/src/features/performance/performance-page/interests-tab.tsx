import { getRouteApi } from '@tanstack/react-router';
import { Button, Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format.js';
import type { Performance } from './types.js';

const route = getRouteApi('/performance');
const kindColor: Record<string, string> = { mother: 'red', sub: 'blue', direct_vehicle: 'purple' };

export function Interests(props: { data: Performance }) {
  const { t } = useTranslation('performance');
  const f = useFormat();
  const navigate = route.useNavigate();
  const unit = f.tableUnit();
  const money = (v: number) => <span className="num">{f.moneyCell(v, unit)}</span>;
  return (
    <Card size="small" extra={<Typography.Text type="secondary">{t('common:unit', { unit: f.unitLabel(unit) })}</Typography.Text>}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('interestsNote')}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="fundId"
        data-testid="interests-table"
        dataSource={props.data.interests}
        pagination={false}
        columns={[
          { title: t('fund'), dataIndex: 'code', width: 80, render: (c: string, r) => <Tag color={kindColor[r.kind]}>{c}</Tag> },
          { title: '', key: 'name', render: (_: unknown, r) => f.name(r) },
          { title: t('vintage'), dataIndex: 'vintage', width: 70 },
          { title: t('committed'), dataIndex: 'committedFen', align: 'right', render: money },
          { title: t('paidIn'), dataIndex: 'paidInFen', align: 'right', render: money },
          { title: t('distributed'), dataIndex: 'distributedFen', align: 'right', render: money },
          { title: t('share'), dataIndex: 'share', align: 'right', render: (v: number) => <span className="num">{f.percent(v, 2)}</span> },
          { title: t('navShare'), dataIndex: 'navShareFen', align: 'right', render: money },
          { title: t('tvpi'), dataIndex: 'tvpi', align: 'right', render: (v: number | null) => <span className="num">{f.multiple(v)}</span> },
          {
            title: '',
            key: 'open',
            width: 64,
            render: (_: unknown, r) => (
              <Button size="small" type="link" onClick={() => void navigate({ search: (s) => ({ ...s, fundId: r.fundId, tab: undefined }) })}>
                {t('open')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
