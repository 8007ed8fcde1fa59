import { html, css, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { GaitReport, Side } from '../../core/format/report';
import { ANGLE_MOTION, ANGLE_NOTE, ANGLE_TITLE, cycleChartModel, type CycleAngle, type CycleChartModel } from '../charts/cycleChart';
import { SIDE_LABEL } from '../charts/palette';
import { phaseBandsPlugin } from '../charts/plugins';
import { ChartElement, chartStyles, type ChartSpec } from './chartElement';
import { fmt } from './format';
import { percentInCycle, seekEvent, timeAtPercent } from './timeSync';

/** One side's hip, knee or ankle angle over the normalised gait cycle (chart.js), with its data table. */
@customElement('gait-cycle-chart')
export class GaitCycleChart extends ChartElement {
  static override styles = chartStyles(css`
    .plot { height: 260px; }
    canvas { cursor: crosshair; }
    .note { font-size: 0.8rem; color: #56606b; margin: -0.3rem 0 0.3rem; }
    @media print {
      .plot { height: 170px; }
      canvas { max-width: 100% !important; height: auto !important; }
    }
  `);

  @property({ attribute: false }) report?: GaitReport;
  @property() side: Side = 'left';
  @property() angle: CycleAngle = 'hipFlexion';

  private model?: CycleChartModel;

  get chartTitle(): string {
    return `${SIDE_LABEL[this.side]} ${ANGLE_TITLE[this.angle].toLowerCase()}`;
  }

  /** What the chart shows, for a caption (e.g. "Left ankle dorsiflexion over the gait cycle"). */
  get caption(): string {
    return `${this.chartTitle} ${ANGLE_MOTION[this.angle]} over the gait cycle`;
  }

  /** Moves the cursor to the video time t (no re-render). */
  override setTime(t: number): void {
    this.currentTime = t;
    if (!this.report) return;
    this.cursor.setX(this.chart, percentInCycle(this.report, this.side, t));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('report') || changed.has('side') || changed.has('angle')) {
      this.model = this.report ? cycleChartModel(this.report, this.side, this.angle) : undefined;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('report') || changed.has('side') || changed.has('angle')) this.draw();
  }

  protected override chartSpec(): ChartSpec | null {
    return this.model ? { config: this.model.config, plugins: [phaseBandsPlugin(this.model.bands)] } : null;
  }

  protected override onChartClick(event: MouseEvent): void {
    if (!this.chart || !this.report) return;
    const rect = (event.currentTarget as HTMLCanvasElement).getBoundingClientRect();
    const percent = this.chart.scales.x.getValueForPixel(event.clientX - rect.left);
    if (percent === undefined) return;
    const t = timeAtPercent(this.report, this.side, percent, this.currentTime);
    if (t !== null) this.dispatchEvent(seekEvent(t));
  }

  override render() {
    const m = this.model;
    if (!m) return nothing;
    return this.renderPanel({
      heading: html`${this.chartTitle} <span class="muted">(${m.cycles} cycle${m.cycles === 1 ? '' : 's'})</span>`,
      notes: html`
        <p class="note">${ANGLE_NOTE[this.angle]}</p>
        ${m.points === 0 ? html`<p class="note">No complete gait cycle for this leg: only the healthy band is shown.</p>` : nothing}
      `,
      testId: `chart-cycle-${ANGLE_TITLE[this.angle].toLowerCase()}-${this.side}`,
      points: m.points,
      label: m.label,
      tableLabel: `${this.chartTitle} data`,
      head: html`<tr><th class="num" scope="col">% of cycle</th><th class="num" scope="col">Mean (°)</th><th class="num" scope="col">SD (°)</th><th class="num" scope="col">Healthy range (°)</th></tr>`,
      rows: m.rows.map(
        (r) => html`<tr>
          <th class="num" scope="row">${r.percent}</th>
          <td class="num">${fmt(r.mean)}</td>
          <td class="num">${fmt(r.sd)}</td>
          <td class="num">${fmt(r.referenceLow)} to ${fmt(r.referenceHigh)}</td>
        </tr>`,
      ),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gait-cycle-chart': GaitCycleChart;
  }
}
