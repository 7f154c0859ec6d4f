/**
 * Chart colours follow the page's theme: ECharts draws with these stand-in
 * colours, and `src/styles/charts.css` repaints every element that carries one
 * with a CSS variable (a CSS `fill`/`stroke` beats an SVG attribute), so the
 * charts switch with light, dark and print like the rest of the page.
 */

/** Stand-ins for the data series, in palette order; `charts.css` maps the n-th to `--chart-n`. */
export const SERIES_COLORS = ['#0000f1', '#0000f2', '#0000f3', '#0000f4', '#0000f5', '#0000f6', '#0000f7', '#0000f8'] as const;

/** Stand-ins for the furniture. */
export const FURNITURE_COLORS = {
  /** Labels and legend text → `--chart-text`. */
  text: '#0000e1',
  /** Axis lines and ticks → `--chart-axis`. */
  axis: '#0000e2',
  /** Grid lines → `--chart-grid`. */
  grid: '#0000e3',
} as const;

/** The CSS variable each stand-in stands for. */
export function cssVariableFor(color: string): string | undefined {
  const series = (SERIES_COLORS as readonly string[]).indexOf(color);
  if (series >= 0) return `--chart-${series + 1}`;
  const entry = Object.entries(FURNITURE_COLORS).find(([, value]) => value === color);
  return entry ? `--chart-${entry[0]}` : undefined;
}
