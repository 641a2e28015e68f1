/**
 * Bar charts as plain data for an inline SVG drawn at build time: no chart library reaches the
 * browser. Coordinates are integers so the markup is small and stable.
 *
 * Each bar has its label on a line of its own above it, so a long label ("Continual learning,
 * transfer and adaptation") has the chart's whole width and is never cut, on a phone or not.
 */
export interface Bar {
  label: string;
  value: number;
  /** Top of the bar's row (label line and bar). */
  offset: number;
  /** Length of the bar along the value axis. */
  length: number;
}

export interface BarChart {
  bars: Bar[];
  /** Height of the chart: row pitch times the number of bars. */
  extent: number;
  /** Longest bar length (the largest value). */
  span: number;
  max: number;
  /** Width of the chart: room for the longest bar and its count, and for the longest label. */
  width: number;
}

/** Chart text size, in the chart's units. */
export const CHART_FONT_SIZE = 11;

/**
 * The width a label may take at CHART_FONT_SIZE, at most: 0.62 em a character is wider than any
 * letter of a system sans-serif font but `m` and `w`, which no label is made of.
 */
export function labelExtent(label: string): number {
  const characters = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(label)]
    .length;
  return Math.ceil(characters * CHART_FONT_SIZE * 0.62);
}

/** Room after the longest bar for its count. */
const VALUE_ROOM = 40;

/** Bars for `(label, value)` pairs, the longest `span` units, each row `pitch` units apart. */
export function barChart(
  data: readonly { label: string; value: number }[],
  span: number,
  pitch: number,
): BarChart {
  const max = Math.max(0, ...data.map((item) => item.value));
  return {
    bars: data.map((item, index) => ({
      label: item.label,
      value: item.value,
      offset: index * pitch,
      length:
        max === 0 ? 0 : Math.max(item.value > 0 ? 1 : 0, Math.round((item.value / max) * span)),
    })),
    extent: data.length * pitch,
    span,
    max,
    width: Math.max(span + VALUE_ROOM, ...data.map((item) => labelExtent(item.label))),
  };
}

/** The chart's element id, from its title: `Papers per year` → `chart-papers-per-year`. */
export function chartId(title: string): string {
  return `chart-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

/** The chart read as text, for its SVG title: `Papers per year: 2023 52, 2024 19`. */
export function chartText(
  title: string,
  data: readonly { label: string; value: number }[],
): string {
  return `${title}: ${data.map((item) => `${item.label} ${item.value}`).join(', ')}`;
}
