// Input of PATCH /api/instances/{id}/config: one allowlisted setting and a value it can take,
// checked before any Redis call. No server imports.
import { z } from 'zod';
import { isAllowlisted, settingValueProblem } from './allowlist';

export const MAX_SETTING_VALUE_LENGTH = 64;

export const ConfigSetBody = z.object({
  name: z.string().min(1).max(64),
  value: z.string().max(MAX_SETTING_VALUE_LENGTH).transform((value) => value.trim()),
}).strict().superRefine(({ name, value }, context) => {
  const problem = settingValueProblem(name, value);
  if (problem) context.addIssue({ code: 'custom', path: [isAllowlisted(name) ? 'value' : 'name'], message: problem });
});

export type ConfigSetRequest = z.infer<typeof ConfigSetBody>;
