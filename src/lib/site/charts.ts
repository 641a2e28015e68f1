/**
 * Bar charts as plain data for an inline SVG drawn at build time: no chart library reaches the
 * browser. Coordinates are integers so the markup is small and stable.
 */
export interface Bar {
  label: string;
  value: number;
  /** Offset of the bar along the category axis. */
  offset: number;
  /** Length of the bar along the value axis. */
  length: number;
}

export interface BarChart {
  bars: Bar[];
  /** Size of the category axis: bar pitch times the number of bars. */
  extent: number;
  /** Longest bar length (the largest value). */
  span: number;
  max: number;
}

/** Bars for `(label, value)` pairs, the longest `span` units, each `pitch` units apart. */
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
  };
}
