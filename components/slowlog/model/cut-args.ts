// A logged command's arguments cut for the table: the first few, each to a bounded length.

/** Arguments shown before "Show the full command" (the command name included). */
export const ARGS_SHOWN = 6;
/** Characters of one argument shown before it is cut. */
export const ARG_CHARS_SHOWN = 60;

export interface CutArgs {
  /** The arguments to show, each at most `maxChars` characters plus "…". */
  shown: string[];
  /** Arguments not shown at all. */
  hidden: number;
  /** True when anything (an argument, or part of one) is not shown. */
  cut: boolean;
}

/**
 * Cuts one argument to `maxChars` code points. An escape (`\xNN`, `\\`) is never split, so a cut
 * argument never shows a half escape that reads like different bytes.
 */
export function cutArg(arg: string, maxChars = ARG_CHARS_SHOWN): string {
  const chars = Array.from(arg);
  if (chars.length <= maxChars) return arg;
  let head = chars.slice(0, maxChars).join('');
  // Drop a trailing partial escape: "\", "\x" or "\x4".
  const partial = /\\(?:x[0-9a-fA-F]?)?$/.exec(head);
  if (partial && !isCompleteEscapeEnd(head, partial.index)) head = head.slice(0, partial.index);
  return `${head}…`;
}

/** "\\" (an escaped backslash) ending at `index` is complete; count the backslashes before it. */
function isCompleteEscapeEnd(text: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i -= 1) backslashes += 1;
  // An odd number of backslashes before: this one is the second half of "\\".
  return backslashes % 2 === 1;
}

export function cutArgs(args: readonly string[], maxArgs = ARGS_SHOWN, maxChars = ARG_CHARS_SHOWN): CutArgs {
  const shown = args.slice(0, maxArgs).map((arg) => cutArg(arg, maxChars));
  const hidden = Math.max(0, args.length - maxArgs);
  const cut = hidden > 0 || shown.some((arg, index) => arg !== args[index]);
  return { shown, hidden, cut };
}
