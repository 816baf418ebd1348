import { CalendarOutlined } from '@ant-design/icons';
import { DatePicker, Space, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

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
          disabledDate={(d) => d.isAfter(dayjs().add(1, 'year')) || d.isBefore(dayjs('2019-01-01'))}
          onChange={(d) => d && props.onChange(d.format('YYYY-MM-DD'))}
        />
      </Space>
    </Tooltip>
  );
}

/** Today's date in Shanghai, the default as-of date. */
export function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
