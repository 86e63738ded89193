// The tree view: names split by a delimiter into folders, each with the count of the loaded
// keys under it, flattened to the rows that the expanded folders show. Pure.

export interface TreeFolder {
  path: string;
  name: string;
  depth: number;
  count: number;
  folders: Map<string, TreeFolder>;
  /** Indexes (into the listed keys) of the keys that end at this level. */
  leaves: number[];
}

export type TreeRow =
  | { kind: 'folder'; path: string; name: string; depth: number; count: number; expanded: boolean }
  | { kind: 'key'; index: number; name: string; depth: number };

export function buildTree(names: readonly string[], delimiter: string): TreeFolder {
  const root: TreeFolder = { path: '', name: '', depth: -1, count: 0, folders: new Map(), leaves: [] };
  names.forEach((name, index) => {
    const parts = delimiter ? name.split(delimiter) : [name];
    let folder = root;
    folder.count += 1;
    for (let level = 0; level < parts.length - 1; level += 1) {
      const part = parts[level]!;
      let child = folder.folders.get(part);
      if (!child) {
        const path = folder.path === '' && folder.depth === -1 ? part : `${folder.path}${delimiter}${part}`;
        child = { path, name: part, depth: level, count: 0, folders: new Map(), leaves: [] };
        folder.folders.set(part, child);
      }
      child.count += 1;
      folder = child;
    }
    folder.leaves.push(index);
  });
  return root;
}

/** The rows to show: folders, then keys, each sorted by name; children only of expanded folders. */
export function flattenTree(root: TreeFolder, expanded: ReadonlySet<string>, names: readonly string[], delimiter: string): TreeRow[] {
  const rows: TreeRow[] = [];
  const visit = (folder: TreeFolder) => {
    const children = [...folder.folders.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const child of children) {
      const open = expanded.has(child.path);
      rows.push({ kind: 'folder', path: child.path, name: child.name, depth: child.depth, count: child.count, expanded: open });
      if (open) visit(child);
    }
    // Keys in name order (SCAN's order is the hash table's, which reads as random).
    const leaves = [...folder.leaves].sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0));
    for (const index of leaves) {
      const name = names[index]!;
      const cut = delimiter ? name.lastIndexOf(delimiter) : -1;
      const last = cut < 0 ? name : name.slice(cut + delimiter.length);
      rows.push({ kind: 'key', index, name: last, depth: folder.depth + 1 });
    }
  };
  visit(root);
  return rows;
}
