// What an admin asked of one row of a value view: the edit panel opens the matching form (filled
// in) or asks to confirm a removal. Elements carry their exact bytes (b64) when shown whole; a
// cut element cannot be addressed, so its row offers nothing that needs them.
import type { ShownBytes } from '@/lib/keys/types';

export type RowAction =
  | { kind: 'hash-edit'; field: ShownBytes; value: ShownBytes }
  | { kind: 'hash-delete'; field: ShownBytes }
  | { kind: 'list-set'; index: number; value: ShownBytes }
  | { kind: 'list-remove'; value: ShownBytes }
  | { kind: 'set-remove'; member: ShownBytes }
  | { kind: 'zset-score'; member: ShownBytes; score: string }
  | { kind: 'zset-remove'; member: ShownBytes }
  | { kind: 'stream-delete'; id: string };

/** The row's own button that asked (focus goes back to it when the form or dialog closes). */
export type OnRowAction = (action: RowAction, opener: HTMLElement) => void;

/** An element an edit can address: shown whole, with its bytes. */
export const addressable = (value: ShownBytes): value is ShownBytes & { b64: string } => value.b64 !== undefined;
