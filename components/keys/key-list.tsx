'use client';
// The listed keys as a flat virtual list, or as a tree by a delimiter with counts of the keys
// listed so far under each folder. The flat list reads its rows through `at` (a million names
// of "scan all" are never copied into a second array).
import { useMemo, useState } from 'react';
import { buildTree, flattenTree } from '@/lib/keys/tree';
import { formatNumber } from '@/lib/format';
import { KeyRowContent } from './key-row';
import type { ListedKey } from './model/scan-all';
import { VirtualList } from './virtual-list';

const ROW_HEIGHT = 34;
const LIST_HEIGHT = 560;

/** The rows a list shows, by index. */
export interface ListedRows {
  count: number;
  at: (index: number) => ListedKey;
}

interface KeyFlatListProps {
  rows: ListedRows;
  openKey: string | null;
  onOpen: (row: ListedKey) => void;
  /** The rows in view, [first, last), whenever that changes (metadata is read for those). */
  onRangeChange?: (first: number, last: number) => void;
}

export function KeyFlatList({ rows, openKey, onOpen, onRangeChange }: KeyFlatListProps) {
  const [active, setActive] = useState(0);
  return (
    <VirtualList
      count={rows.count}
      rowHeight={ROW_HEIGHT}
      height={LIST_HEIGHT}
      label={`Keys, ${formatNumber(rows.count)} listed`}
      idPrefix="key-row"
      activeIndex={Math.min(active, rows.count - 1)}
      onActiveChange={setActive}
      onActivate={(index) => onOpen(rows.at(index))}
      isSelected={(index) => rows.at(index).keyB64 === openKey}
      renderRow={(index) => <KeyRowContent row={rows.at(index)} />}
      {...(onRangeChange && { onRangeChange })}
      data-testid="key-list"
    />
  );
}

interface KeyListProps {
  rows: readonly ListedKey[];
  openKey: string | null;
  onOpen: (row: ListedKey) => void;
}

export function KeyTree({ rows, openKey, onOpen, delimiter }: KeyListProps & { delimiter: string }) {
  const [active, setActive] = useState(0);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const names = useMemo(() => rows.map((row) => row.key), [rows]);
  const tree = useMemo(() => buildTree(names, delimiter), [names, delimiter]);
  const visible = useMemo(() => flattenTree(tree, expanded, names, delimiter), [tree, expanded, names, delimiter]);

  const toggle = (path: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });

  return (
    <VirtualList
      count={visible.length}
      rowHeight={ROW_HEIGHT}
      height={LIST_HEIGHT}
      label={`Key tree by "${delimiter}", ${formatNumber(rows.length)} keys listed`}
      idPrefix="key-tree-row"
      activeIndex={Math.min(active, visible.length - 1)}
      onActiveChange={setActive}
      onActivate={(index) => {
        const row = visible[index]!;
        if (row.kind === 'folder') toggle(row.path);
        else onOpen(rows[row.index]!);
      }}
      isSelected={(index) => {
        const row = visible[index]!;
        return row.kind === 'key' && rows[row.index]!.keyB64 === openKey;
      }}
      renderRow={(index) => {
        const row = visible[index]!;
        const indent = { paddingLeft: row.depth * 16 };
        if (row.kind === 'folder') {
          return (
            <span className="flex min-w-0 flex-1 items-center gap-2 font-mono" style={indent} data-testid="tree-folder">
              <span aria-hidden="true" className="w-3 text-slate-500">{row.expanded ? '▾' : '▸'}</span>
              <span className="truncate font-semibold text-slate-800">{row.name}{delimiter}</span>
              <span className="text-xs text-slate-500">
                {formatNumber(row.count)} {row.count === 1 ? 'key' : 'keys'}
                <span className="sr-only">, folder, {row.expanded ? 'expanded' : 'collapsed'}</span>
              </span>
            </span>
          );
        }
        return (
          <span className="flex min-w-0 flex-1 items-center gap-2" style={indent}>
            <KeyRowContent row={rows[row.index]!} name={row.name} />
          </span>
        );
      }}
      data-testid="key-tree"
    />
  );
}
