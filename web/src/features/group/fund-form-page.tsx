import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { App, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/ui/page.js';
import { QueryState } from '../../components/ui/query-state.js';
import { errorMessage } from '../../lib/errors.js';
import { useTRPC } from '../../lib/trpc.js';
import { applyServerErrors } from '../../lib/validation.js';
import { DEFAULTS, FundForm, NAMES, type Values } from './fund-form.js';

function useFundSave() {
  const { t } = useTranslation(['group', 'common']);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const done = async (id: number) => {
    void message.success(t('saved'));
    await Promise.all([queryClient.invalidateQueries(trpc.fund.pathFilter()), queryClient.invalidateQueries(trpc.group.pathFilter())]);
    await navigate({ to: '/funds/$fundId', params: { fundId: String(id) } });
  };
  const onError = (e: unknown) => setError(applyServerErrors(form, e, t, NAMES) ? null : errorMessage(e, t));
  return { form, error, setError, done, onError, trpc };
}

export function FundCreatePage() {
  const { t } = useTranslation('group');
  const s = useFundSave();
  const create = useMutation(s.trpc.fund.create.mutationOptions({ onSuccess: (r) => void s.done(r.id), onError: s.onError }));
  return (
    <Page title={t('form.createTitle')} subtitle={t('form.createSub')}>
      <FundForm
        form={s.form}
        initial={DEFAULTS}
        editing={false}
        pending={create.isPending}
        error={s.error}
        onSubmit={(v) => {
          s.setError(null);
          create.mutate({ ...DEFAULTS, ...v } as Values);
        }}
      />
    </Page>
  );
}

const editRoute = getRouteApi('/funds/$fundId/edit');

export function FundEditPage() {
  const { t } = useTranslation('group');
  const s = useFundSave();
  const { fundId } = editRoute.useParams();
  const q = useQuery(s.trpc.fund.get.queryOptions({ id: Number(fundId) }));
  const update = useMutation(s.trpc.fund.update.mutationOptions({ onSuccess: (r) => void s.done(r.id), onError: s.onError }));
  return (
    <QueryState query={q}>
      {(fund) => (
        <Page title={t('form.editTitle', { name: fund.nameZh })} subtitle={fund.code}>
          <FundForm
            form={s.form}
            initial={{ ...fund, kind: fund.kind === 'mother' ? 'sub' : fund.kind, sectorFocus: fund.sectorFocus as Values['sectorFocus'] }}
            editing
            pending={update.isPending}
            error={s.error}
            onSubmit={(v) => {
              s.setError(null);
              const { kind: _kind, ...rest } = v;
              update.mutate({ id: fund.id, ...rest });
            }}
          />
        </Page>
      )}
    </QueryState>
  );
}
