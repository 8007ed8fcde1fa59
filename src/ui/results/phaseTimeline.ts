import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { PHASE_NAMES, SIDES, type GaitReport, type Side } from '../../core/format/report';
import { CURSOR_COLOR, PHASE_COLOR, PHASE_LABEL, SIDE_COLOR, SIDE_LABEL } from '../charts/palette';
import { directionWords, fmt } from './format';
import { baseStyles } from './styles';
import { seekEvent } from './timeSync';

const LABEL_W = 52;
const PASS_H = 20;
const ROW_H = 30;
const ROW_GAP = 8;
const AXIS_H = 22;
const HEIGHT = PASS_H + 2 * ROW_H + ROW_GAP + AXIS_H + 8;

/**
 * Phase timeline per leg over the whole recording: stance, pre-swing, swing and terminal swing in
 * colour, heel strikes (|) and toe offs (▲) marked, passes above, and the video cursor. Click to
 * seek; with focus, the arrow keys jump to the previous or next gait event.
 */
/** How close the shown time must be to the event the keys last moved to, to count as being at it (one frame at 20 fps). */
const KEY_SNAP_S = 0.05;

@customElement('gait-phase-timeline')
export class GaitPhaseTimeline extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .plot { position: relative; height: ${HEIGHT}px; }
      canvas { width: 100%; height: 100%; display: block; cursor: pointer; border-radius: 4px; }
      .legend { display: flex; flex-wrap: wrap; gap: 0.35rem 1rem; margin: 0.5rem 0 0; padding: 0; list-style: none; font-size: 0.85rem; }
      .legend li { display: inline-flex; align-items: center; gap: 0.35rem; }
      .chip { width: 1.1rem; height: 0.8rem; border-radius: 2px; display: inline-block; border: 1px solid rgba(0,0,0,0.2); }
      .none { background: #eef1f4; }
      @media print { .plot { height: ${HEIGHT - 10}px; } }
    `,
  ];

  @property({ attribute: false }) report?: GaitReport;

  @query('canvas') private canvas?: HTMLCanvasElement;
  private time = 0;
  /** The event the arrow keys last moved to (null until they are used). */
  private keyTarget: number | null = null;
  private resizeObserver = new ResizeObserver(() => this.draw());

  get timelineCanvas(): HTMLCanvasElement | null {
    return this.canvas ?? null;
  }

  setTime(t: number): void {
    this.time = t;
    this.draw();
  }

  private get span(): [number, number] {
    const t = this.report?.frames.t ?? [];
    return [t[0] ?? 0, t[t.length - 1] ?? 1];
  }

  protected override firstUpdated(): void {
    const plot = this.renderRoot.querySelector('.plot');
    if (plot) this.resizeObserver.observe(plot);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('report')) this.draw();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver.disconnect();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) {
      const plot = this.renderRoot.querySelector('.plot');
      if (plot) this.resizeObserver.observe(plot);
    }
  }

  private draw(): void {
    const canvas = this.canvas;
    const report = this.report;
    if (!canvas || !report) return;
    const dpr = window.devicePixelRatio || 1;
    const cssW = canvas.clientWidth;
    const cssH = canvas.clientHeight;
    if (cssW === 0) return;
    canvas.width = Math.round(cssW * dpr);
    canvas.height = Math.round(cssH * dpr);
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, cssW, cssH);
    const [t0, t1] = this.span;
    const plotW = cssW - LABEL_W - 8;
    const x = (t: number) => LABEL_W + ((t - t0) / Math.max(1e-6, t1 - t0)) * plotW;
    ctx.font = '12px system-ui, sans-serif';
    ctx.textBaseline = 'middle';

    // Passes.
    for (const pass of report.passes) {
      const a = x(pass.start);
      const b = x(pass.end);
      ctx.fillStyle = '#e6ebf0';
      ctx.fillRect(a, 2, b - a, PASS_H - 4);
      ctx.fillStyle = '#39424e';
      const text = `Pass ${pass.index + 1}: ${pass.walking}, ${directionWords(pass.direction)}`;
      const short = `Pass ${pass.index + 1}`;
      const fits = ctx.measureText(text).width + 8 < b - a;
      ctx.fillText(fits ? text : short, a + 4, PASS_H / 2);
    }
    ctx.fillStyle = '#39424e';
    ctx.fillText('Passes', 4, PASS_H / 2);

    SIDES.forEach((side, s) => this.drawRow(ctx, report, side, PASS_H + s * (ROW_H + ROW_GAP), x, cssW));

    // Time axis.
    const axisY = PASS_H + 2 * ROW_H + ROW_GAP + 6;
    ctx.fillStyle = '#56606b';
    ctx.strokeStyle = '#9aa5b1';
    ctx.textBaseline = 'top';
    const step = niceStep((t1 - t0) / Math.max(2, Math.floor(plotW / 70)));
    for (let t = Math.ceil(t0 / step) * step; t <= t1 + 1e-9; t += step) {
      const px = x(t);
      ctx.beginPath();
      ctx.moveTo(px, axisY);
      ctx.lineTo(px, axisY + 4);
      ctx.stroke();
      const label = `${fmt(t, step < 1 ? 1 : 0)} s`;
      ctx.fillText(label, Math.min(px - ctx.measureText(label).width / 2, cssW - ctx.measureText(label).width - 2), axisY + 6);
    }

    // Cursor.
    const cx = x(this.time);
    ctx.strokeStyle = CURSOR_COLOR;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(cx, 0);
    ctx.lineTo(cx, axisY);
    ctx.stroke();
  }

  private drawRow(ctx: CanvasRenderingContext2D, report: GaitReport, side: Side, top: number, x: (t: number) => number, cssW: number): void {
    // Not analysed: plain light grey.
    ctx.fillStyle = '#eef1f4';
    ctx.fillRect(LABEL_W, top, cssW - LABEL_W - 8, ROW_H);
    for (const cycle of report.sides[side].cycles) {
      for (const phase of PHASE_NAMES) {
        const [a, b] = cycle.phases[phase];
        ctx.fillStyle = PHASE_COLOR[phase];
        ctx.fillRect(x(a), top, Math.max(1, x(b) - x(a)), ROW_H);
      }
    }
    // Heel strikes: a dark bar across the row; toe offs: a triangle on the bottom edge.
    ctx.fillStyle = '#111';
    for (const t of report.sides[side].heelStrikes) ctx.fillRect(x(t) - 1, top - 2, 2.5, ROW_H + 4);
    for (const t of report.sides[side].toeOffs) {
      const px = x(t);
      ctx.beginPath();
      ctx.moveTo(px, top + ROW_H - 9);
      ctx.lineTo(px - 5, top + ROW_H + 1);
      ctx.lineTo(px + 5, top + ROW_H + 1);
      ctx.closePath();
      ctx.fillStyle = '#fff';
      ctx.fill();
      ctx.strokeStyle = '#111';
      ctx.lineWidth = 1.2;
      ctx.stroke();
    }
    ctx.fillStyle = SIDE_COLOR[side];
    ctx.fillRect(2, top + 4, 4, ROW_H - 8);
    ctx.fillStyle = '#1b1f24';
    ctx.textBaseline = 'middle';
    ctx.fillText(SIDE_LABEL[side], 10, top + ROW_H / 2);
  }

  private timeAtClientX(clientX: number): number {
    const canvas = this.canvas!;
    const rect = canvas.getBoundingClientRect();
    const [t0, t1] = this.span;
    const plotW = rect.width - LABEL_W - 8;
    const u = (clientX - rect.left - LABEL_W) / plotW;
    return t0 + Math.min(1, Math.max(0, u)) * (t1 - t0);
  }

  private onClick(event: MouseEvent): void {
    this.dispatchEvent(seekEvent(this.timeAtClientX(event.clientX)));
  }

  private onKey(event: KeyboardEvent): void {
    const report = this.report;
    if (!report || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
    event.preventDefault();
    const events = SIDES.flatMap((s) => [...report.sides[s].heelStrikes, ...report.sides[s].toeOffs]).sort((a, b) => a - b);
    const eps = 1e-3;
    // The video reports the time of the frame it shows, which can be just before the event a key
    // sought: step on from that event, not back to it.
    const from = this.keyTarget !== null && Math.abs(this.time - this.keyTarget) < KEY_SNAP_S ? this.keyTarget : this.time;
    const next = event.key === 'ArrowRight' ? events.find((t) => t > from + eps) : [...events].reverse().find((t) => t < from - eps);
    if (next === undefined) return;
    this.keyTarget = next;
    this.dispatchEvent(seekEvent(next));
  }

  override render() {
    const report = this.report;
    if (!report) return nothing;
    const cycles = SIDES.flatMap((s) => report.sides[s].cycles);
    return html`
      <section class="panel" data-testid="phase-timeline" aria-labelledby="timeline-heading">
        <h3 id="timeline-heading">Gait phases over time</h3>
        <div class="plot">
          <canvas
            tabindex="0"
            role="img"
            aria-label="Phase timeline of the left and right leg over the ${fmt(this.span[1] - this.span[0])} second recording, ${cycles.length} gait cycles; ${report.passes.map((p) => `pass ${p.index + 1}: ${p.walking}, ${directionWords(p.direction)}`).join('; ')}. Click to move the video there; the left and right arrow keys jump to the previous or next heel strike or toe off."
            @click=${this.onClick}
            @keydown=${this.onKey}
          ></canvas>
        </div>
        <ul class="legend" aria-label="Legend">
          ${PHASE_NAMES.map((p) => html`<li><span class="chip" style="background:${PHASE_COLOR[p]}"></span>${PHASE_LABEL[p]}</li>`)}
          <li><span class="chip none"></span>Not analysed (turn, start or end)</li>
          <li><svg width="10" height="18" aria-hidden="true"><rect x="4" y="0" width="2.5" height="18" fill="#111"></rect></svg>Heel strike</li>
          <li><svg width="14" height="14" aria-hidden="true"><path d="M7 3 L2 13 L12 13 Z" fill="#fff" stroke="#111" stroke-width="1.2"></path></svg>Toe off</li>
          <li><svg width="10" height="18" aria-hidden="true"><rect x="4" y="0" width="2" height="18" fill=${CURSOR_COLOR}></rect></svg>Video position</li>
        </ul>
        <details>
          <summary>Show as table</summary>
          <div class="scroll-x" tabindex="0" role="region" aria-label="Gait cycles">
            <table>
              <caption class="sr-only">Each gait cycle with its phases, in seconds from the start of the recording</caption>
              <thead>
                <tr>
                  <th scope="col">Leg</th><th scope="col" class="num">Pass</th>
                  ${PHASE_NAMES.map((p) => html`<th scope="col" class="num">${PHASE_LABEL[p]} (s)</th>`)}
                  <th scope="col" class="num">Stance %</th>
                </tr>
              </thead>
              <tbody>
                ${cycles.map(
                  (c) => html`<tr>
                    <th scope="row">${SIDE_LABEL[c.side]}</th><td class="num">${c.pass + 1}</td>
                    ${PHASE_NAMES.map((p) => html`<td class="num">${fmt(c.phases[p][0], 2)}–${fmt(c.phases[p][1], 2)}</td>`)}
                    <td class="num">${fmt(c.stancePercent)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>
        </details>
      </section>
    `;
  }
}

/** 1, 2 or 5 times a power of ten, at least `raw`. */
function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-6)));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

declare global {
  interface HTMLElementTagNameMap {
    'gait-phase-timeline': GaitPhaseTimeline;
  }
}
