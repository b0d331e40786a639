import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { h } from './dom';

// Only what the console draws, so the bundle carries only these parts of Chart.js.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);
// No animation: a chart is complete as soon as it is drawn (screenshots, tests, slow machines).
Chart.defaults.animation = false;
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
Chart.defaults.maintainAspectRatio = false;

export const palette = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#0891b2', '#db2777', '#65a30d', '#475569'];
export const verdictColors = { regression: '#dc2626', improvement: '#16a34a', 'no-change': '#94a3b8' } as const;

/** Charts on the current page, destroyed when the page is left. */
export class ChartSet {
  private readonly charts: Chart[] = [];

  /**
   * A titled chart panel. The canvas gets `data-chart` (its name) and, once drawn, `data-points`
   * (how many values it shows), so a test or a person can tell an empty chart from a drawn one.
   */
  panel(name: string, title: string, config: ChartConfiguration, caption?: string): HTMLElement {
    const canvas = h('canvas', { 'data-chart': name, role: 'img', 'aria-label': title });
    const figure = h(
      'figure',
      { class: 'chart-panel' },
      h('figcaption', {}, title),
      h('div', { class: 'chart' }, canvas),
      caption ? h('p', { class: 'note' }, caption) : null,
    );
    const points = config.data.datasets.reduce((sum, dataset) => sum + dataset.data.filter((value) => value !== null && value !== undefined).length, 0);
    // Drawn once the panel is in the document (Chart.js measures its container).
    queueMicrotask(() => {
      this.charts.push(new Chart(canvas, config));
      canvas.dataset.points = String(points);
    });
    return figure;
  }

  destroy(): void {
    for (const chart of this.charts.splice(0)) chart.destroy();
  }
}
