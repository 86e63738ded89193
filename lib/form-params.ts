// Filter forms kept in the URL: a submitted form's text fields as search params, and the page's
// query string with some of them changed.

export function formSearchParams(form: HTMLFormElement): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string') params.set(name, value);
  }
  return params;
}

/**
 * The page's query string with `updates` applied: a blank or missing value removes the parameter,
 * every other parameter stays as it is (the live filters and the archive view share the URL).
 */
export function withParams(current: Pick<URLSearchParams, 'toString'>, updates: Record<string, string | undefined>): string {
  const params = new URLSearchParams(current.toString());
  for (const [name, value] of Object.entries(updates)) {
    if (value === undefined || value.trim() === '') params.delete(name);
    else params.set(name, value.trim());
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}
