// The API's bounds as its zod schemas state them, for the forms and requests that must stay inside
// them: the UI reads each bound from the schema instead of copying the number.

function defined(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`The API schema states no ${what}`);
  return value;
}

/** `.max(n)` of an optional string field. */
export const maxLengthOf = (field: { unwrap(): { maxLength: number | null } }) => defined(field.unwrap().maxLength, 'maximum length');

/** `.max(n)` of a number field with a default. */
export const maxOf = (field: { unwrap(): { maxValue: number | null } }) => defined(field.unwrap().maxValue, 'maximum');

/** `.default(n)` of a number field. */
export const defaultOf = (field: { def: { defaultValue: unknown } }) => defined(field.def.defaultValue, 'default');
