// One polled read on a page, in its states: loading until the first answer; an error when that
// fails (nothing to show); then the answer, under a "refresh failed" note when a later poll fails
// (TanStack keeps the last answer) and dimmed while a new range or search replaces it.
import type { ReactNode } from 'react';
import { RefreshFailed } from './refresh-failed';

interface PolledQuery<T> {
  data: T | undefined;
  error: Error | null;
  dataUpdatedAt: number;
}

interface QueryStateProps<T> {
  query: PolledQuery<T>;
  /** Until the first answer. */
  loading: ReactNode;
  /** The first read failed. */
  failed: (error: Error) => ReactNode;
  /** A later read failed: the note's title ("Could not refresh the archive", or one per error), what the last answer is, a test id. */
  refreshFailed: { title: string | ((error: Error) => string); shown?: string; 'data-testid'?: string };
  /**
   * For reads whose key changes with the page (a range, a search): true while the previous answer
   * stands in for the new one (isPlaceholderData). Given, the answer sits in an aria-busy frame.
   */
  switching?: boolean;
  children: (data: T) => ReactNode;
}

export function QueryState<T>({ query, loading, failed, refreshFailed, switching, children }: QueryStateProps<T>) {
  if (query.data === undefined) return query.error ? failed(query.error) : loading;
  const { title, ...note } = refreshFailed;
  return (
    <>
      {query.error ? (
        <RefreshFailed
          title={typeof title === 'function' ? title(query.error) : title}
          {...note}
          error={query.error}
          updatedAt={query.dataUpdatedAt}
        />
      ) : null}
      {switching === undefined ? (
        children(query.data)
      ) : (
        <div aria-busy={switching} className={switching ? 'opacity-60 transition-opacity' : undefined}>
          {children(query.data)}
        </div>
      )}
    </>
  );
}
