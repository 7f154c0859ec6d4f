/**
 * Static SVG charts with Apache ECharts' server-side renderer
 * (`init(null, null, { renderer: 'svg', ssr: true })` + `renderToSVGString()`):
 * no DOM, no client script. The SVG is tidied for a static page: no hover
 * styles or ECharts bookkeeping attributes, sized by its `viewBox`.
 */
import * as echarts from 'echarts';
import { FURNITURE_COLORS, SERIES_COLORS } from './chart-colors.ts';

/** A bar or line chart over categories (months, quarters, causes, services). */
export interface ChartSpec {
  type: 'bar' | 'line';
  /** Category labels, in order. */
  categories: string[];
  /** One entry per series; `null` is a gap (no data). Each series takes the next palette colour unless `color` says which. */
  series: { name: string; data: (number | null)[]; color?: number }[];
  /** Stack the bars. */
  stacked?: boolean;
  /** Bars along the horizontal axis, categories down the side (for long labels). */
  horizontal?: boolean;
  /** Name of the value axis, e.g. `records` or `minutes`. */
  valueName?: string;
  /** Show a legend (default: when there is more than one series). */
  legend?: boolean;
}

/** Size of the wide rendering (laptop), in SVG units. */
export const WIDE = { width: 640, height: 320 } as const;
/** Size of the narrow rendering (phone), in SVG units. */
export const NARROW = { width: 360, height: 300 } as const;
/** Font size of labels, in SVG units (at the narrow size one unit is about one CSS pixel on a phone). */
export const LABEL_SIZE = 12;

/** Renders `spec` at `size` to an SVG string. */
export function renderChart(spec: ChartSpec, size: { width: number; height: number } = WIDE): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    const text = { color: FURNITURE_COLORS.text, fontSize: LABEL_SIZE, fontFamily: 'inherit' };
    const categoryAxis = {
      type: 'category' as const,
      data: spec.categories,
      axisLine: { lineStyle: { color: FURNITURE_COLORS.axis } },
      axisTick: { lineStyle: { color: FURNITURE_COLORS.axis }, alignWithLabel: true },
      axisLabel: { ...text, hideOverlap: true, ...(spec.horizontal ? { width: size.width * 0.3, overflow: 'truncate' as const } : {}) },
      inverse: spec.horizontal === true,
    };
    const valueAxis = {
      type: 'value' as const,
      name: spec.valueName,
      // Left-aligned on the axis: centred, a long name ("Action items") runs off the left edge.
      nameTextStyle: { ...text, align: 'left' as const },
      minInterval: 1,
      axisLabel: text,
      splitLine: { lineStyle: { color: FURNITURE_COLORS.grid } },
    };
    const showLegend = spec.legend ?? spec.series.length > 1;
    chart.setOption({
      animation: false,
      color: [...SERIES_COLORS],
      textStyle: text,
      legend: showLegend ? { show: true, bottom: 0, textStyle: text, itemWidth: 14, itemHeight: 10, borderColor: FURNITURE_COLORS.axis, borderWidth: 0 } : { show: false },
      grid: { left: 8, right: 16, top: spec.valueName && !spec.horizontal ? 32 : 16, bottom: showLegend ? 36 : 8, containLabel: true },
      xAxis: spec.horizontal ? valueAxis : categoryAxis,
      yAxis: spec.horizontal ? categoryAxis : valueAxis,
      series: spec.series.map((series, i) => ({
        type: spec.type,
        name: series.name,
        data: series.data,
        stack: spec.stacked ? 'total' : undefined,
        color: SERIES_COLORS[(series.color ?? i) % SERIES_COLORS.length],
        barMaxWidth: 28,
        connectNulls: false,
        symbol: 'circle',
        symbolSize: 6,
        lineStyle: { width: 2 },
      })),
    });
    return tidy(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/**
 * `style="font-size:12px;…"` as presentation attributes (`font-size="12px"`):
 * the pages' Content-Security-Policy refuses style attributes, and SVG reads
 * these properties from attributes alike.
 */
function styleToAttributes(svg: string): string {
  return svg.replace(/ style="([^"]*)"/g, (_, declarations: string) =>
    declarations
      .split(';')
      .map((declaration) => declaration.split(':').map((part) => part.trim()))
      .filter(([name, value]) => name && value && /^[a-z-]+$/.test(name))
      .map(([name, value]) => ` ${name}="${value}"`)
      .join(''),
  );
}

/** Drops what only interactive charts need and lets CSS size the SVG. */
function tidy(svg: string): string {
  return styleToAttributes(svg)
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ pointer-events="visible"/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/^<svg width="\d+" height="\d+"/, '<svg')
    .replace(/ baseProfile="full"/, '')
    .replace(/\n+/g, '\n')
    .trim();
}
