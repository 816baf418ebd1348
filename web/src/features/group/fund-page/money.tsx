import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format.js';

/** Money in the page's tables: the number in the table unit (万元 / millions), the unit said once above. */
export function useTableMoney() {
  const { t } = useTranslation('group');
  const f = useFormat();
  const unit = f.tableUnit();
  return {
    money: (v: number) => <span className="num">{f.moneyCell(v, unit)}</span>,
    unitNote: <Typography.Text type="secondary">{t('common:unit', { unit: f.unitLabel(unit) })}</Typography.Text>,
  };
}
