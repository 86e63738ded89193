// A failed slow log reset says in a typed field whether Redis was reset, so nobody has to read
// it out of the message: `{"error": {"code", "message", "redisReset": true|false}}`.
import type { ErrorCode } from '@/lib/api/error-codes';
import { ApiError } from '@/lib/api/errors';

export interface SlowlogResetErrorBody {
  error: { code: ErrorCode; message: string; redisReset: boolean };
}

export class SlowlogResetError extends ApiError {
  constructor(
    code: ErrorCode,
    message: string,
    /** true: Redis's slow log was emptied although this failed; false: nothing was reset */
    readonly redisReset: boolean,
  ) {
    super(code, message);
  }

  override toBody(): SlowlogResetErrorBody {
    return { error: { ...super.toBody().error, redisReset: this.redisReset } };
  }
}
