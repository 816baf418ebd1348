import { CashModals } from './fund-actions/cash.js';
import { CommitmentModals } from './fund-actions/commitments.js';
import type { FundActionProps } from './fund-actions/kit.js';
import { RecordModals } from './fund-actions/records.js';

/** The dialogs of a fund's actions menu (one is open at a time: `action`). */
export function FundActionModals(props: FundActionProps) {
  return (
    <>
      <CommitmentModals {...props} />
      <CashModals {...props} />
      <RecordModals {...props} />
    </>
  );
}
