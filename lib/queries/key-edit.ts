'use client';
// Key edits (PUT .../key): one mutation for every operation. After a change the key's detail is
// read again, its listed rows are patched (a rename takes the old row off), and the audit log is
// stale. A 409 (the key changed type meanwhile) re-reads the key too: the editor saw an old one.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { KeyEditInput, KeyEditReply } from '@/lib/keys/edit';
import { ApiRequestError, fetchJson } from './fetch-json';
import { queryKeys } from './keys';
import { patchListedKey } from './keys-browser';

/** The body as the browser sends it: `create` may be left out (false). */
export type KeyEditRequest = Omit<KeyEditInput, 'create'> & { create?: boolean };

export function useEditKey(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: KeyEditRequest) =>
      fetchJson<KeyEditReply>(`/api/instances/${encodeURIComponent(id)}/key`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    onSuccess: (reply, body) => {
      void client.invalidateQueries({ queryKey: queryKeys.auditAll() });
      if (reply.keyB64 !== body.keyB64) {
        // Renamed: the old name is gone (reading it again would only answer 404); the panel moves on.
        patchListedKey(client, id, body.keyB64, null);
        return;
      }
      patchListedKey(client, id, body.keyB64, { type: reply.type });
      // The detail is keyed by the db the browser asked for (null: the default): both forms.
      for (const db of [body.db, null]) void client.invalidateQueries({ queryKey: queryKeys.keyDetailAll(id, db, body.keyB64) });
    },
    onError: (error, body) => {
      void client.invalidateQueries({ queryKey: queryKeys.auditAll() });
      if (!(error instanceof ApiRequestError)) return;
      if (error.code === 'CONFLICT' || error.code === 'NOT_FOUND') {
        for (const db of [body.db, null]) void client.invalidateQueries({ queryKey: queryKeys.keyDetailAll(id, db, body.keyB64) });
      }
      // Gone: the list should not show it either (as after a delete).
      if (error.code === 'NOT_FOUND' && !body.create) patchListedKey(client, id, body.keyB64, null);
    },
  });
}
