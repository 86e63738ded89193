// A job of the same kind already runs on the instance: 409 CONFLICT that names the running job in a
// typed field, so the page can follow that job instead of reading its id out of the message:
// `{"error": {"code": "CONFLICT", "message", "id"}}`.
import type { ErrorCode } from '@/lib/api/error-codes';
import { ApiError } from '@/lib/api/errors';

export interface JobConflictErrorBody {
  error: { code: ErrorCode; message: string; id: string };
}

export class JobConflictError extends ApiError {
  constructor(
    message: string,
    /** The running job's id. */
    readonly id: string,
  ) {
    super('CONFLICT', message);
  }

  override toBody(): JobConflictErrorBody {
    return { error: { ...super.toBody().error, id: this.id } };
  }
}
