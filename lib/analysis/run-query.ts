// The query of GET /api/instances/{id}/analysis/{runId} (SPEC section 5). No server imports.
import { z } from 'zod';

/** A run id as the job runner makes them (base64url); anything longer cannot be one. */
export const runIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a run id');

export const analysisRunQuerySchema = z.object({ compareTo: runIdSchema.optional() }).strict();
export type AnalysisRunQuery = z.infer<typeof analysisRunQuerySchema>;
