import { canWritePlan } from '@highland/shared';
import { PlusOutlined } from '@ant-design/icons';

import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Button, Empty, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsOfPicker, todayIso } from '../../components/ui/as-of-picker.js';
import { Page } from '../../components/ui/page.js';
import { QueryState } from '../../components/ui/query-state.js';
import { useSession } from '../../lib/session.js';
import { useTRPC } from '../../lib/trpc.js';
import { BoardView } from './listings/board-view.js';
import { DetailDrawer } from './listings/detail-drawer.js';
import { OpenModal } from './listings/open-modal.js';
import { TimelineView } from './listings/timeline-view.js';

const route = getRouteApi('/listings');

/** The STAR Market listing tracker: a board by stage, a timeline, and each attempt's record. */
export function ListingsPage() {
  const { t } = useTranslation('plan');
  const trpc = useTRPC();
  const actor = useSession().data;
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const asOf = search.asOf ?? todayIso();
  const q = useQuery(trpc.listing.board.queryOptions({ asOf }));
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  return (
    <Page
      title={t('listings.title')}
      subtitle={t('listings.sub')}
      extra={
        <Space>
          <AsOfPicker value={asOf} onChange={(d) => void navigate({ search: { asOf: d } })} />
          {actor && canWritePlan(actor) ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="listing-open">
              {t('listings.open')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <QueryState query={q} isEmpty={(d) => d.attempts.length === 0} empty={<Empty description={t('listings.empty')} />}>
        {(d) => (
          <Tabs
            items={[
              { key: 'board', label: t('listings.board'), children: <BoardView attempts={d.attempts} onOpen={setOpenId} /> },
              { key: 'timeline', label: t('listings.timeline'), children: <TimelineView board={d} onOpen={setOpenId} /> },
            ]}
          />
        )}
      </QueryState>
      {openId !== null ? <DetailDrawer id={openId} asOf={asOf} onClose={() => setOpenId(null)} /> : null}
      <OpenModal open={creating} onClose={() => setCreating(false)} />
    </Page>
  );
}
