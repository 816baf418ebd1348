import { FEN_PER_YI } from '@highland/shared';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../components/ui/form-modal.js';
import { useTRPC } from '../../../lib/trpc.js';

import { type Detail, useInvalidate, type AttemptFields, fenOf } from './listings-kit.js';
import { AttemptFieldsForm } from './open-modal.js';

export function EditModal(props: { d: Detail | null; onClose: () => void }) {
  const { t } = useTranslation('plan');
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const m = useMutation(trpc.listing.update.mutationOptions());
  const d = props.d;
  return (
    <FormModal<AttemptFields>
      title={t('listings.edit')}
      open={d !== null}
      onClose={props.onClose}
      testId="listing-edit-form"
      names={['sponsor', 'listingStandard', 'plannedRaiseFen', 'expectedMarketValueFen']}
      initialValues={
        d
          ? {
              sponsor: d.sponsor,
              listingStandard: d.listingStandard,
              plannedRaise: d.plannedRaiseFen / FEN_PER_YI,
              expectedMarketValue: d.expectedMarketValueFen === null ? null : d.expectedMarketValueFen / FEN_PER_YI,
            }
          : {}
      }
      submit={async (v) => {
        if (!d) return;
        await m.mutateAsync({
          id: d.id,
          sponsor: v.sponsor,
          listingStandard: v.listingStandard,
          plannedRaiseFen: fenOf(v.plannedRaise) ?? 0,
          expectedMarketValueFen: fenOf(v.expectedMarketValue),
        });
        await invalidate();
      }}
    >
      <AttemptFieldsForm />
    </FormModal>
  );
}
