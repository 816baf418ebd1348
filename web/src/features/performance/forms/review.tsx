import { useMutation } from '@tanstack/react-query';
import { App, Button, Input, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/errors.js';
import { useTRPC } from '../../../lib/trpc.js';
import { useInvalidate } from './kit.js';

/** Approves or sends back a mark; the tables that show marks and NAV reload, the result is said in a message. */
export function useReviewMark() {
  const { t } = useTranslation('performance');
  const { message } = App.useApp();
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  return useMutation(
    trpc.portfolio.reviewValuation.mutationOptions({
      onSuccess: (_r, v) => {
        void message.success(v.decision === 'approved' ? t('approved') : t('rejected'));
        void invalidate();
      },
      onError: (e) => void message.error(errorMessage(e, t)),
    }),
  );
}

/** Approve / send back for one pending mark; sending back asks why (the note is required). */
export function ReviewButtons(props: { id: number }) {
  const { t } = useTranslation('performance');
  const review = useReviewMark();
  const [note, setNote] = useState('');
  return (
    <Space size={4}>
      <Button
        size="small"
        type="primary"
        data-testid="approve-mark"
        loading={review.isPending}
        onClick={() => review.mutate({ id: props.id, decision: 'approved' })}
      >
        {t('approve')}
      </Button>
      <Popconfirm
        title={t('rejectNote')}
        description={<Input.TextArea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
        okButtonProps={{ disabled: !note.trim() }}
        onConfirm={() => review.mutate({ id: props.id, decision: 'rejected', note: note.trim() })}
      >
        <Button size="small" danger>
          {t('reject')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
