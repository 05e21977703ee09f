import { BarChart, CustomChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { h } from './dom.js';

// Only what the four pages draw: keeps the bundle about half of full ECharts. Tree shaking needs each part
// imported by name and registered here, so the two lists name the same parts.
echarts.use([
  BarChart,
  CustomChart,
  HeatmapChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export type Chart = echarts.ECharts;
export type ChartOption = echarts.EChartsCoreOption;

declare global {
  interface Window {
    /**
     * The charts on the current page by name, so that a browser test can read what each chart holds
     * (`getOption()`) and compare it with the API's answer.
     */
    dashboardCharts: Record<string, Chart>;
  }
}

window.dashboardCharts = {};

/** Disposes of the charts of the page being left. */
export function disposeCharts(): void {
  for (const chart of Object.values(window.dashboardCharts)) chart.dispose();
  window.dashboardCharts = {};
}

/** A chart in a new element of the given height; the element is returned for the page to place first. */
export function chartBox(name: string, height: number): { element: HTMLElement; draw(option: ChartOption): Chart } {
  const element = h('div', { class: 'chart', 'data-chart': name, style: `height:${height}px` });
  return {
    element,
    draw(option) {
      window.dashboardCharts[name]?.dispose();
      const chart = echarts.init(element, undefined, { renderer: 'svg' });
      // No animation: the chart shows its final state at once (and screenshots are stable).
      chart.setOption({ animation: false, ...option });
      window.dashboardCharts[name] = chart;
      return chart;
    },
  };
}

window.addEventListener('resize', () => {
  for (const chart of Object.values(window.dashboardCharts)) chart.resize();
});

export const PALETTE = ['#1f6f8b', '#e07a5f', '#3d9970', '#9c6ade', '#f2b134', '#5c7080', '#c44d58', '#2a9d8f'];
