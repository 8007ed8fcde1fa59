import { html, css, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PHASE_NAMES, SIDES, type GaitReport, type PhaseName } from '../../core/format/report';
import { SIDE_COLOR } from '../charts/palette';
import { cycleAnglesOf } from '../charts/cycleChart';
import { phaseRangeModel, rangeRowIndex, type PhaseRangeModel } from '../charts/phaseRangeChart';
import type { CursorMark } from '../charts/plugins';
import { ChartElement, chartStyles, type ChartSpec } from './chartElement';
import { fmt } from './format';
import { frameIndexAt, phaseStartNear, seekEvent } from './timeSync';

/** Range of hip and knee flexion (and the ankle, where the feet were seen) within each phase, left vs right; the cursor ticks the current angles. */
@customElement('gait-phase-range-chart')
export class GaitPhaseRangeChart extends ChartElement {
  static override styles = chartStyles(css`
    .plot { height: 380px; }
    canvas { cursor: pointer; }
    @media print { .plot { height: 250px; } }
  `);

  @property({ attribute: false }) report?: GaitReport;

  private model?: PhaseRangeModel;

  /** Ticks each leg's current hip and knee angle on the bar of its current phase. */
  override setTime(t: number): void {
    this.currentTime = t;
    const report = this.report;
    if (!report) return;
    const i = frameIndexAt(report.frames.t, t);
    const marks: CursorMark[] = [];
    SIDES.forEach((side, s) => {
      const phase = report.frames.phase[side][i];
      if (!phase) return;
      for (const angle of cycleAnglesOf(report)) {
        const value = report.frames.angles[side][angle]?.[i];
        if (value === null || value === undefined) continue;
        // Bars of a category: left above right (datasets in SIDES order, 0.8 x 0.9 of the band).
        marks.push({ category: rangeRowIndex(report, angle, phase), value, offset: (s - 0.5) * 0.36, color: SIDE_COLOR[side] });
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

  protected override chartSpec(): ChartSpec | null {
    return this.model ? { config: this.model.config, plugins: [] } : null;
  }

  /** A click on a row seeks to the start of that phase in the nearest cycle of the clicked leg. */
  protected override onChartClick(event: MouseEvent): void {
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
    return this.renderPanel({
      heading: 'Angle range in each phase',
      testId: 'chart-phase-ranges',
      points: m.points,
      label: m.label,
      tableLabel: 'Angle range per phase data',
      head: html`<tr>
        <th scope="col">Joint and phase</th>
        <th class="num" scope="col">Left min (°)</th><th class="num" scope="col">Left max (°)</th>
        <th class="num" scope="col">Right min (°)</th><th class="num" scope="col">Right max (°)</th>
      </tr>`,
      rows: m.rows.map(
        (r) => html`<tr>
          <th scope="row">${r.label}</th>
          <td class="num">${fmt(r.values.left?.min)}</td><td class="num">${fmt(r.values.left?.max)}</td>
          <td class="num">${fmt(r.values.right?.min)}</td><td class="num">${fmt(r.values.right?.max)}</td>
        </tr>`,
      ),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gait-phase-range-chart': GaitPhaseRangeChart;
  }
}
