import { canWritePlan } from '@highland/shared';
import { PlusOutlined } from '@ant-design/icons';
import { getRouteApi } from '@tanstack/react-router';
import { Button, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsOfPicker, todayIso } from '../../components/ui/as-of-picker.js';
import { Page } from '../../components/ui/page.js';
import { useSession } from '../../lib/session.js';
import { ApplyModal } from './support/apply-modal.js';
import { ConsultingModal } from './support/consulting-modal.js';
import { Consulting } from './support/consulting-tab.js';
import { Records } from './support/records-tab.js';
import { Schedule } from './support/schedule-tab.js';
import { Totals } from './support/totals-tab.js';

const route = getRouteApi('/support');

/** Listing subsidies and consulting, the plan's other support with its caps, totals, and the configured subsidy schedule. */
export function SupportPage() {
  const { t } = useTranslation('plan');
  const actor = useSession().data;
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const asOf = search.asOf ?? todayIso();
  const [applying, setApplying] = useState(false);
  const [consulting, setConsulting] = useState(false);
  const manager = actor ? canWritePlan(actor) : false;
  return (
    <Page
      title={t('support.title')}
      subtitle={t('support.sub')}
      extra={
        <Space>
          <AsOfPicker value={asOf} onChange={(d) => void navigate({ search: { asOf: d } })} />
          {manager ? (
            <>
              <Button onClick={() => setConsulting(true)} data-testid="consulting-add">
                {t('support.addConsulting')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setApplying(true)} data-testid="support-apply">
                {t('support.apply')}
              </Button>
            </>
          ) : null}
        </Space>
      }
    >
      <Tabs
        items={[
          { key: 'records', label: t('support.records'), children: <Records asOf={asOf} /> },
          { key: 'totals', label: t('support.totals'), children: <Totals asOf={asOf} /> },
          { key: 'consulting', label: t('support.consulting'), children: <Consulting asOf={asOf} /> },
          { key: 'schedule', label: t('support.schedule'), children: <Schedule /> },
        ]}
      />
      <ApplyModal open={applying} onClose={() => setApplying(false)} />
      <ConsultingModal open={consulting} onClose={() => setConsulting(false)} />
    </Page>
  );
}
