import { CalendarOutlined } from '@ant-design/icons';
import { DatePicker, Space, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../lib/business-date.js';

/** Today's business date in the deployment's zone (lib/business-date.ts), the default as-of date. */
export { todayIso };

/** The as-of date every figure is computed for; the value lives in the URL so a view can be shared. */
export function AsOfPicker(props: { value: string; onChange: (iso: string) => void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('asOfHint')}>
      <Space size={6}>
        <Typography.Text type="secondary">
          <CalendarOutlined /> {t('asOf')}
        </Typography.Text>
        <DatePicker
          data-testid={props.testId ?? 'as-of'}
          allowClear={false}
          value={dayjs(props.value)}
          format="YYYY-MM-DD"
          disabledDate={(d) => d.isAfter(dayjs(todayIso()).add(1, 'year')) || d.isBefore(dayjs('2019-01-01'))}
          onChange={(d) => d && props.onChange(d.format('YYYY-MM-DD'))}
        />
      </Space>
    </Tooltip>
  );
}
