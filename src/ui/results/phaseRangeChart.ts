import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PHASE_NAMES, SIDES, type GaitReport, type PhaseName } from '../../core/format/report';
import { SIDE_COLOR } from '../charts/palette';
import { phaseRangeModel, rangeRowIndex, RANGE_ANGLES, type PhaseRangeModel } from '../charts/phaseRangeChart';
import { createCursor, type CursorMark } from '../charts/plugins';
import { setUpCharts, type Chart } from '../charts/setup';
import { fmt } from './format';
import { baseStyles } from './styles';
import { frameIndexAt, phaseStartNear, seekEvent } from './timeSync';

/** Range of hip and knee flexion within each phase, left vs right; the cursor ticks the current angles. */
@customElement('gait-phase-range-chart')
export class GaitPhaseRangeChart extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .plot { position: relative; height: 380px; }
      canvas { cursor: pointer; }
      @media print { .plot { height: 250px; } }
    `,
  ];

  @property({ attribute: false }) report?: GaitReport;

  private chart?: Chart;
  private model?: PhaseRangeModel;
  private cursor = createCursor();
  private currentTime = 0;

  get canvas(): HTMLCanvasElement | null {
    return this.renderRoot.querySelector('canvas');
  }

  /** Ticks each leg's current hip and knee angle on the bar of its current phase. */
  setTime(t: number): void {
    this.currentTime = t;
    const report = this.report;
    if (!report) return;
    const i = frameIndexAt(report.frames.t, t);
    const marks: CursorMark[] = [];
    SIDES.forEach((side, s) => {
      const phase = report.frames.phase[side][i];
      if (!phase) return;
      for (const angle of RANGE_ANGLES) {
        const value = report.frames.angles[side][angle][i];
        if (value === null || value === undefined) continue;
        // Bars of a category: left above right (datasets in SIDES order, 0.8 x 0.9 of the band).
        marks.push({ category: rangeRowIndex(angle, phase), value, offset: (s - 0.5) * 0.36, color: SIDE_COLOR[side] });
      }
    });
    this.cursor.setMarks(this.chart, marks);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('report')) this.model = this.report ? phaseRangeModel(this.report) : undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('report')) this.draw();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.chart) this.draw();
  }

  private draw(): void {
    this.chart?.destroy();
    this.chart = undefined;
    const canvas = this.canvas;
    if (!canvas || !this.model) return;
    const ChartJs = setUpCharts();
    this.chart = new ChartJs(canvas, { ...this.model.config, plugins: [this.cursor.plugin] } as never);
    this.setTime(this.currentTime);
  }

  /** A click on a row seeks to the start of that phase in the nearest cycle of the clicked leg. */
  private onClick(event: MouseEvent): void {
    if (!this.chart || !this.report) return;
    const hits = this.chart.getElementsAtEventForMode(event, 'nearest', { intersect: false, axis: 'y' }, false);
    const hit = hits[0];
    if (!hit) return;
    const phase: PhaseName = PHASE_NAMES[hit.index % PHASE_NAMES.length];
    const t = phaseStartNear(this.report, SIDES[hit.datasetIndex], phase, this.currentTime);
    if (t !== null) this.dispatchEvent(seekEvent(t));
  }

  override render() {
    const m = this.model;
    if (!m) return nothing;
    return html`
      <figure class="panel" style="margin:0">
        <h3>Angle range in each phase</h3>
        <div class="plot">
          <canvas data-testid="chart-phase-ranges" data-points=${m.points} role="img" aria-label=${m.label} @click=${this.onClick}></canvas>
        </div>
        <details>
          <summary>Show as table</summary>
          <div class="scroll-x" tabindex="0" role="region" aria-label="Angle range per phase data">
            <table>
              <caption class="sr-only">${m.label}</caption>
              <thead>
                <tr>
                  <th scope="col">Joint and phase</th>
                  <th class="num" scope="col">Left min (°)</th><th class="num" scope="col">Left max (°)</th>
                  <th class="num" scope="col">Right min (°)</th><th class="num" scope="col">Right max (°)</th>
                </tr>
              </thead>
              <tbody>
                ${m.rows.map(
                  (r) => html`<tr>
                    <th scope="row">${r.label}</th>
                    <td class="num">${fmt(r.values.left?.min)}</td><td class="num">${fmt(r.values.left?.max)}</td>
                    <td class="num">${fmt(r.values.right?.min)}</td><td class="num">${fmt(r.values.right?.max)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>
        </details>
      </figure>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gait-phase-range-chart': GaitPhaseRangeChart;
  }
}
