// The slow log page keeps its view, filters, range and search in the URL. The native History API
// updates it without a server round trip; Next keeps useSearchParams in step, and Back/Forward
// walk through the views as they were.
export function pushQuery(query: string): void {
  window.history.pushState(null, '', `${window.location.pathname}${query}`);
}
