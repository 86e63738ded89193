'use client';
// Runs one edit of the open key and says what was done in a toast. The form that asked shows the
// error (a 409 says the key changed; the key detail is read again by useEditKey meanwhile).
import type { KeyEditOpInput, KeyEditReply } from '@/lib/keys/edit';
import { REDIS_TYPES, type RedisType } from '@/lib/keys/constants';
import type { KeyDetail } from '@/lib/keys/types';
import { useEditKey } from '@/lib/queries/key-edit';
import { useToast } from '@/components/ui/toast';
import { editToast, type EditDone } from './model/edit-messages';

/** Only the core types have edits; a module type is shown, never changed. */
export const isEditableType = (type: string): type is RedisType => (REDIS_TYPES as readonly string[]).includes(type);

export type EditMeta = Pick<EditDone, 'subjectB64' | 'detail' | 'newKey'>;

export function useRunEdit(id: string, detail: KeyDetail) {
  const mutation = useEditKey(id);
  const { toast } = useToast();
  const run = (op: KeyEditOpInput, meta: EditMeta = {}, onDone?: (reply: KeyEditReply) => void) => {
    if (!isEditableType(detail.type)) return;
    mutation.mutate({ db: detail.db, keyB64: detail.keyB64, type: detail.type, op }, {
      onSuccess: (reply) => {
        const said = editToast({ key: detail.key, db: detail.db, op: reply.op, created: false, result: reply.result, ...meta });
        toast(said.message, said.tone);
        onDone?.(reply);
      },
    });
  };
  return { run, pending: mutation.isPending, error: mutation.error, reset: mutation.reset };
}

export type RunEdit = ReturnType<typeof useRunEdit>;
