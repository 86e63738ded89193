// How one "what changed" figure reads: now and before with units, the change in words, an arrow
// and a tone that says whether the move is bad (colour is never the only sign: the arrow and the
// words carry it too).
import type { ChangeFigure, ChangeFigureId } from '@/lib/changes/types';
import { formatBytes, formatNumber, formatPercent, formatRate, MISSING } from '@/lib/format';
import type { Tone } from '@/components/ui/tone';

export type Direction = 'up' | 'down' | 'same' | 'unknown';

/** Which way is worse, where one is: more memory or more clients is not bad in itself. */
const WORSE: Partial<Record<ChangeFigureId, 'up' | 'down'>> = {
  hitRatio: 'down',
  evictedPerSec: 'up',
  keys: 'down',
  fragmentationRatio: 'up',
  pingP95Ms: 'up',
  slowlogPerMin: 'up',
};

/** A change smaller than this share of the before value is noise ("about the same"). */
const RELATIVE_NOISE = 0.1;
/** The hit ratio moves in points, not shares: 2 points is a change. */
const RATIO_NOISE = 0.02;

export function formatFigureValue(figure: Pick<ChangeFigure, 'unit'>, value: number | null): string {
  if (value === null) return MISSING;
  switch (figure.unit) {
    case 'bytes':
      return formatBytes(value);
    case 'ratio':
      return formatPercent(value);
    case '':
      return formatNumber(value, 2);
    case 'keys':
    case 'clients':
      return formatRate(value, figure.unit, 0);
    default:
      return formatRate(value, figure.unit, Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  }
}

/** The change with its sign and unit: "+3.2 MiB", "-12.5 points", "-56,000 keys". */
export function formatFigureDelta(figure: ChangeFigure): string {
  if (figure.delta === null) return MISSING;
  if (figure.delta === 0) return '±0';
  const sign = figure.delta > 0 ? '+' : '-';
  const size = Math.abs(figure.delta);
  if (figure.unit === 'ratio') return `${sign}${formatNumber(size * 100, 1)} points`;
  return `${sign}${formatFigureValue(figure, size)}`;
}

export function directionOf(figure: ChangeFigure): Direction {
  if (figure.delta === null || figure.before === null) return 'unknown';
  const size = Math.abs(figure.delta);
  const noise = figure.unit === 'ratio' ? RATIO_NOISE : Math.abs(figure.before) * RELATIVE_NOISE;
  // From zero, any growth counts (evictions that started, slow entries that appeared).
  if (size === 0 || (figure.before !== 0 && size < noise)) return 'same';
  return figure.delta > 0 ? 'up' : 'down';
}

export interface FigureView {
  now: string;
  before: string;
  delta: string;
  direction: Direction;
  /** ▲ ▼ ≈ or ?, with the words beside it for a screen reader. */
  arrow: string;
  words: string;
  tone: Tone;
}

const ARROWS: Record<Direction, string> = { up: '▲', down: '▼', same: '≈', unknown: '?' };

export function figureView(figure: ChangeFigure): FigureView {
  const direction = directionOf(figure);
  const worse = WORSE[figure.id];
  const bad = direction !== 'same' && direction !== 'unknown' && worse === direction;
  const good = direction !== 'same' && direction !== 'unknown' && worse !== undefined && worse !== direction;
  const words = {
    up: bad ? 'up (worse)' : good ? 'up (better)' : 'up',
    down: bad ? 'down (worse)' : good ? 'down (better)' : 'down',
    same: 'about the same',
    unknown: 'no comparison',
  }[direction];
  return {
    now: formatFigureValue(figure, figure.now),
    before: formatFigureValue(figure, figure.before),
    delta: formatFigureDelta(figure),
    direction,
    arrow: ARROWS[direction],
    words,
    tone: bad ? 'bad' : good ? 'ok' : 'neutral',
  };
}

/** Whether any figure moved beyond its noise. */
export const anyFigureMoved = (figures: readonly ChangeFigure[]) =>
  figures.some((figure) => {
    const direction = directionOf(figure);
    return direction === 'up' || direction === 'down';
  });
