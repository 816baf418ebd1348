import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { Card, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format.js';
import { useLabels } from '../use-pipeline.js';
import type { DealPageData } from './deal-kit.js';

export function CompanyCard({ d }: { d: DealPageData }) {
  const { t } = useTranslation('pipeline');
  const l = useLabels();
  const f = useFormat();
  const c = d.company;
  if (!c) return null;
  const fit = d.policyFit;
  const mark = (ok: boolean | undefined) => (ok ? <CheckCircleTwoTone twoToneColor="#16a34a" /> : <CloseCircleTwoTone twoToneColor="#d4380d" />);
  return (
    <Card
      size="small"
      title={t('company')}
      style={{ marginBottom: 16 }}
      extra={
        <Link to="/companies/$companyId" params={{ companyId: String(c.id) }}>
          {t('openCompany')}
        </Link>
      }
    >
      <Descriptions size="small" column={1} labelStyle={{ width: 110 }}>
        <Descriptions.Item label={t('uscc')}>
          <span style={{ fontFamily: 'monospace' }}>{c.uscc ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('sector')}>{l.sector(c.sector)}</Descriptions.Item>
        <Descriptions.Item label={t('zone')}>
          {l.zone(c.zone)} {c.registeredInShanghai ? <Tag color="blue">{t('shanghaiRegistered')}</Tag> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('ownership')}>{l.ownership(c.ownership)}</Descriptions.Item>
        <Descriptions.Item label={t('founded')}>{f.date(c.founded)}</Descriptions.Item>
        <Descriptions.Item label={t('headcount')}>{c.headcount === null ? '—' : f.number(c.headcount)}</Descriptions.Item>
        {c.website ? (
          <Descriptions.Item label={t('website')}>
            <Typography.Link href={c.website} target="_blank" rel="noreferrer noopener">
              {c.website.replace(/^https?:\/\//, '')}
            </Typography.Link>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {fit ? (
        <div className="hl-policy-fit" data-testid="policy-fit">
          <Typography.Text type="secondary">{t('policyFit')}</Typography.Text>
          <div>
            {mark(fit.focusSector)} {t('fitFocus')}
          </div>
          <div>
            {mark(fit.shanghai)} {t('fitLocal')}
          </div>
          <div>
            {mark(fit.privateFirm)} {t('fitPrivate')}
          </div>
          <div>
            {mark(fit.earlyHardTech)} {t('fitHardTech')}
          </div>
        </div>
      ) : null}
    </Card>
  );
}

export function ApplicationCard({ d }: { d: DealPageData }) {
  const { t } = useTranslation('pipeline');
  const l = useLabels();
  const f = useFormat();
  const a = d.application;
  if (!a) return null;
  return (
    <Card size="small" title={t('application')} style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={1} labelStyle={{ width: 110 }}>
        <Descriptions.Item label={t('applicant')}>{l.name(a.applicantNameZh, a.applicantNameEn)}</Descriptions.Item>
        <Descriptions.Item label={t('proposalName')}>{l.name(a.proposalNameZh, a.proposalNameEn)}</Descriptions.Item>
        <Descriptions.Item label={t('proposalSize')}>{a.proposalSizeFen ? f.money(a.proposalSizeFen) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('proposalSectors')}>
          {a.proposalSectors.map((s) => (
            <Tag key={s}>{l.sector(s)}</Tag>
          ))}
        </Descriptions.Item>
        {a.resultFundId ? <Descriptions.Item label={t('resultFund')}>{t('resultFundCreated', { id: a.resultFundId })}</Descriptions.Item> : null}
      </Descriptions>
    </Card>
  );
}
