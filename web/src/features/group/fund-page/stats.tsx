import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Stat } from '../../../components/ui/stat.js';
import { useFormat } from '../../../lib/format.js';
import { FlagTag, flagDetail, ReinvestTag } from '../flags.js';
import type { FundDetail } from './types.js';

/** The figures at the top of a fund's page: size against target, paid-in, government share, leverage, reinvestment. */
export function FundStats({ d }: { d: FundDetail }) {
  const { t } = useTranslation('group');
  const f = useFormat();
  const fund = d.fund;
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} md={12} xl={5}>
        <Stat
          testId="fund-size"
          label={t('committed')}
          value={f.money(d.totals.committedFen)}
          progress={fund.targetSizeFen ? d.totals.committedFen / fund.targetSizeFen : undefined}
          note={
            fund.targetSizeFen ? t('vsTarget', { target: f.money(fund.targetSizeFen), pct: f.percent(d.totals.committedFen / fund.targetSizeFen) }) : undefined
          }
        />
      </Col>
      <Col xs={24} md={12} xl={5}>
        <Stat
          testId="fund-paid"
          label={t('paid')}
          value={f.money(d.totals.contributedFen)}
          progress={d.totals.committedFen ? d.totals.contributedFen / d.totals.committedFen : 0}
          note={t('calledNote', { called: f.money(d.totals.calledFen), distributed: f.money(d.totals.distributedFen) })}
        />
      </Col>
      <Col xs={24} md={12} xl={5}>
        <Stat
          testId="fund-share"
          label={t('govShare')}
          value={
            <span style={{ color: fund.govShareCap !== null && (d.govShare ?? 0) > fund.govShareCap ? '#b91c1c' : undefined }}>{f.percent(d.govShare)}</span>
          }
          note={
            fund.govShareCap !== null
              ? t('capNote', {
                  cap: f.percent(fund.govShareCap, 0),
                  override: fund.govShareOverrideAllowed ? t('overrideAllowed') : t('overrideNotAllowed'),
                })
              : t('noCap')
          }
        />
      </Col>
      <Col xs={24} md={12} xl={4}>
        <Stat
          testId="fund-leverage"
          label={t('levC')}
          value={f.multiple(d.leverage.committed.ratio)}
          note={`${t('levP')} ${f.multiple(d.leverage.paid_in.ratio)}`}
        />
      </Col>
      <Col xs={24} md={24} xl={5}>
        <Stat
          testId="fund-reinvest"
          label={t('reinvest')}
          value={<ReinvestTag status={d.reinvest.status} completion={d.reinvest.completion[fund.reinvestBasis]} />}
          note={
            d.flags.length
              ? d.flags.map((x) => <FlagTag key={x.trigger} trigger={x.trigger} detail={`${x.since} · ${flagDetail(x, t, f)}`} />)
              : t('noFlagsFund')
          }
        />
      </Col>
    </Row>
  );
}
