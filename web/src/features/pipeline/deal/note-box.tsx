import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../lib/trpc.js';
import { useDealErrors } from '../use-pipeline.js';

export function NoteBox(props: { dealId: number }) {
  const { t } = useTranslation('pipeline');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errors = useDealErrors();
  const [body, setBody] = useState('');
  const add = useMutation(
    trpc.deal.addNote.mutationOptions({
      onSuccess: () => {
        setBody('');
        void queryClient.invalidateQueries(trpc.deal.get.pathFilter());
      },
      onError: errors.onError,
    }),
  );
  return (
    <Space.Compact style={{ width: '100%', marginBottom: 16 }}>
      <Input.TextArea
        autoSize={{ minRows: 1, maxRows: 5 }}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        placeholder={t('notePlaceholder')}
        maxLength={5000}
        data-testid="note-input"
      />
      <Button type="primary" disabled={!body.trim()} loading={add.isPending} onClick={() => add.mutate({ dealId: props.dealId, body })} data-testid="note-add">
        {t('addNote')}
      </Button>
    </Space.Compact>
  );
}
