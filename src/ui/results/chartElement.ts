import { LitElement, css, html, nothing, type CSSResult, type CSSResultGroup, type TemplateResult } from 'lit';
import type { Plugin } from 'chart.js';
import { createCursor } from '../charts/plugins';
import { setUpCharts, type Chart } from '../charts/setup';
import { baseStyles } from './styles';

/** What a chart element draws: a chart.js configuration and its own plugins (the cursor's is added after them). */
export interface ChartSpec {
  config: object;
  plugins: readonly Plugin[];
}

/**
 * A chart element's styles: the results' base styles, `.plot` as the positioned box chart.js sizes
 * a responsive chart to, then the chart's own (the plot's height, on screen and in print).
 */
export function chartStyles(own: CSSResult): CSSResultGroup {
  return [baseStyles, css`.plot { position: relative; }`, own];
}

/** The parts of a chart panel that differ between charts; the rest is the same markup. */
export interface ChartPanel {
  heading: unknown;
  /** Notes under the heading. */
  notes?: unknown;
  testId: string;
  /** Data points drawn (data-points, read by the end-to-end tests). */
  points: number;
  /** The canvas's accessible name and the table's caption. */
  label: string;
  tableLabel: string;
  head: unknown;
  rows: unknown;
}

/**
 * The chart.js lifecycle the results charts share: one chart instance on the element's <canvas>,
 * destroyed when the element leaves the page (chart.js keeps resize observers) and redrawn when it
 * comes back, with a video-time cursor that survives redraws.
 */
export abstract class ChartElement extends LitElement {
  protected chart?: Chart;
  protected readonly cursor = createCursor();
  protected currentTime = 0;

  get canvas(): HTMLCanvasElement | null {
    return this.renderRoot.querySelector('canvas');
  }

  /** Moves the cursor to the video time t (no re-render); called again after each redraw. */
  abstract setTime(t: number): void;

  /** The chart to draw now, or null when there is nothing to draw (no report yet). */
  protected abstract chartSpec(): ChartSpec | null;

  /** A click on the canvas (seeks the video). */
  protected abstract onChartClick(event: MouseEvent): void;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.chart) this.draw();
  }

  /** Replaces the chart with one for the current chartSpec(); call after a render that changes it. */
  protected draw(): void {
    this.chart?.destroy();
    this.chart = undefined;
    const canvas = this.canvas;
    const spec = this.chartSpec();
    if (!canvas || !spec) return;
    const ChartJs = setUpCharts();
    this.chart = new ChartJs(canvas, { ...spec.config, plugins: [...spec.plugins, this.cursor.plugin] } as never);
    this.setTime(this.currentTime);
  }

  /** The panel: heading, the canvas, and the same data as a table for screen readers and print. */
  protected renderPanel(p: ChartPanel): TemplateResult {
    return html`
      <figure class="panel" style="margin:0">
        <h3>${p.heading}</h3>
        ${p.notes ?? nothing}
        <div class="plot">
          <canvas data-testid=${p.testId} data-points=${p.points} role="img" aria-label=${p.label} @click=${this.onChartClick}></canvas>
        </div>
        <details>
          <summary>Show as table</summary>
          <div class="scroll-x" tabindex="0" role="region" aria-label=${p.tableLabel}>
            <table>
              <caption class="sr-only">${p.label}</caption>
              <thead>${p.head}</thead>
              <tbody>${p.rows}</tbody>
            </table>
          </div>
        </details>
      </figure>
    `;
  }
}
