'use client';
// The listed keys as a flat virtual list, or as a tree by a delimiter with counts of the keys
// listed so far under each folder.
import { useMemo, useState } from 'react';
import { buildTree, flattenTree } from '@/lib/keys/tree';
import type { KeyRow } from '@/lib/keys/types';
import { formatNumber } from '@/lib/format';
import { KeyRowContent } from './key-row';
import { VirtualList } from './virtual-list';

const ROW_HEIGHT = 34;
const LIST_HEIGHT = 560;

interface KeyListProps {
  rows: KeyRow[];
  openKey: string | null;
  onOpen: (row: KeyRow) => void;
}

export function KeyFlatList({ rows, openKey, onOpen }: KeyListProps) {
  const [active, setActive] = useState(0);
  return (
    <VirtualList
      count={rows.length}
      rowHeight={ROW_HEIGHT}
      height={LIST_HEIGHT}
      label={`Keys, ${formatNumber(rows.length)} listed`}
      idPrefix="key-row"
      activeIndex={Math.min(active, rows.length - 1)}
      onActiveChange={setActive}
      onActivate={(index) => onOpen(rows[index]!)}
      isSelected={(index) => rows[index]!.keyB64 === openKey}
      renderRow={(index) => <KeyRowContent row={rows[index]!} />}
      data-testid="key-list"
    />
  );
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
