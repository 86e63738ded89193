import { describe, expect, it } from 'vitest';
import { buildTree, flattenTree } from './tree';

const NAMES = ['user:1:session', 'user:1:prefs', 'user:2:session', 'recipe:9', 'plain', 'a::b'];

describe('key tree', () => {
  it('counts the keys under each folder', () => {
    const root = buildTree(NAMES, ':');
    expect(root.count).toBe(6);
    expect(root.folders.get('user')!.count).toBe(3);
    expect(root.folders.get('user')!.folders.get('1')!.count).toBe(2);
    expect(root.folders.get('recipe')!.count).toBe(1);
    expect(root.leaves).toEqual([4]);
  });

  it('shows folders first, and children only of expanded folders', () => {
    const root = buildTree(NAMES, ':');
    expect(flattenTree(root, new Set(), NAMES, ':').map((row) => (row.kind === 'folder' ? `${row.name}/ ${row.count}` : row.name))).toEqual([
      'a/ 1', 'recipe/ 1', 'user/ 3', 'plain',
    ]);
    const open = flattenTree(root, new Set(['user', 'user:1', 'a', 'a:']), NAMES, ':');
    expect(open.map((row) => `${'  '.repeat(row.depth)}${row.name}`)).toEqual([
      'a', '  ', '    b', 'recipe', 'user', '  1', '    prefs', '    session', '  2', 'plain',
    ]);
  });

  it('treats a name without the delimiter as a top-level key, and an empty delimiter as flat', () => {
    expect(flattenTree(buildTree(NAMES, ''), new Set(), NAMES, '')).toHaveLength(6);
  });
});
