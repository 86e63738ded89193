// The search over every setting: a name or value containing each word typed, case-insensitive.

export function filterSettings<T extends { name: string; value: string | null }>(settings: readonly T[], search: string): T[] {
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...settings];
  return settings.filter((setting) => {
    const text = `${setting.name} ${setting.value ?? ''}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
