import { LitElement, html, css, nothing, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { PHASE_NAMES, SIDES, type GaitReport, type Side } from '../../core/format/report';
import { CURSOR_COLOR, PHASE_COLOR, PHASE_LABEL, SIDE_COLOR, SIDE_LABEL } from '../charts/palette';
import { directionWords, fmt } from './format';
import { baseStyles } from './styles';
import { adjacentEvent, eventTimes, frameIndexAt, seekEvent } from './timeSync';
import {
  addEvent,
  countEdits,
  deleteEvent,
  describeEdits,
  EVENT_KINDS,
  EVENT_LABEL,
  isEdited,
  moveEvent,
  reportEvents,
  snapToFrame,
  stepEvent,
  type EditableEvents,
  type EventKind,
  type EventRef,
} from './eventEdits';

const LABEL_W = 52;
const PASS_H = 20;
const ROW_H = 30;
const ROW_GAP = 8;
const AXIS_H = 22;
const HEIGHT = PASS_H + 2 * ROW_H + ROW_GAP + AXIS_H + 8;
/** An event marker is hit within this many CSS pixels (a finger needs more than a mouse). */
const HIT_PX = 9;
const EDITED_COLOR = '#d55e00';
const SELECTED_COLOR = '#0b4fc4';

export interface EventsEditDetail {
  /** Both legs' events after the edit (seconds), or null to go back to the detected ones. */
  events: EditableEvents | null;
}

function rowTop(s: number): number {
  return PASS_H + s * (ROW_H + ROW_GAP);
}

/**
 * Phase timeline per leg over the whole recording: stance, pre-swing, swing and terminal swing in
 * colour, heel strikes (|) and toe offs (▲) marked, passes above, and the video cursor. Click to
 * seek; with focus, the arrow keys jump to the previous or next gait event.
 *
 * Correcting events: click an event to select it (the video goes there); drag it, or move it one
 * frame at a time with the arrow keys or buttons; Delete removes it; "Add" puts a new one at the
 * video's current frame; "Reset" goes back to the detected events. Each edit fires `events-edit`
 * (bubbling, composed) with both legs' events; the shell reruns the analysis from them. Events that
 * differ from `detected` are drawn in orange.
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
      canvas { touch-action: pan-y; }
      .edit { margin-top: 0.75rem; padding-top: 0.6rem; border-top: 1px solid #e3e8ee; }
      .edit h4 { margin: 0 0 0.25rem; font-size: 0.95rem; }
      .edit .selected { margin: 0 0 0.4rem; font-size: 0.9rem; min-height: 1.4em; }
      .edit .tools { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
      .edit .add { display: inline-flex; gap: 0.4rem; flex-wrap: wrap; }
      .edit button, .edit select { min-height: 2.75rem; font: inherit; }
      .edited { color: ${unsafeCSS(EDITED_COLOR)}; font-weight: 600; }
      .edited-note { margin: 0.5rem 0 0; padding: 0.4rem 0.6rem; border-left: 4px solid ${unsafeCSS(EDITED_COLOR)}; background: #fdf1e8; border-radius: 4px; font-size: 0.9rem; }
      @media print { .plot { height: ${HEIGHT - 10}px; } .edit .tools, .edit h4, .edit .selected { display: none; } }
    `,
  ];

  @property({ attribute: false }) report?: GaitReport;
  /** The detector's events, when the report's were edited by hand (null: the report's are the detected ones). */
  @property({ attribute: false }) detected: EditableEvents | null = null;

  @query('canvas') private canvas?: HTMLCanvasElement;
  @state() private selected: EventRef | null = null;
  @state() private addKind = 'left heelStrikes';
  @state() private time = 0;
  /** An event being dragged: where it is now (seconds, snapped to a frame). */
  private drag: { ref: EventRef; t: number; startX: number; moved: boolean } | null = null;
  private suppressClick = false;
  private eventsOf: GaitReport | undefined;
  private eventsCache: EditableEvents | null = null;
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

  protected override updated(changed: PropertyValues): void {
    if (changed.has('report') || changed.has('selected') || changed.has('detected')) this.draw();
  }

  private get frameTimes(): number[] {
    return this.report?.frames.t ?? [];
  }

  /** The events drawn and edited: every kind of walking in the recording (see reportEvents). */
  private get events(): EditableEvents | null {
    if (this.report !== this.eventsOf) {
      this.eventsOf = this.report;
      this.eventsCache = this.report ? reportEvents(this.report) : null;
    }
    return this.eventsCache;
  }

  private eventTime(ref: EventRef): number | undefined {
    return this.events?.[ref.side][ref.kind][ref.index];
  }

  private emitEdit(events: EditableEvents | null): void {
    this.dispatchEvent(new CustomEvent<EventsEditDetail>('events-edit', { detail: { events }, bubbles: true, composed: true }));
  }

  private commit(result: { events: EditableEvents; ref: EventRef | null }): void {
    this.selected = result.ref;
    this.emitEdit(result.events);
    const t = result.ref ? result.events[result.ref.side][result.ref.kind][result.ref.index] : undefined;
    if (t !== undefined) this.dispatchEvent(seekEvent(t));
  }

  /** Moves the selected event by `frames` frames. */
  stepSelected(frames: number): void {
    const events = this.events;
    if (!events || !this.selected) return;
    this.commit(stepEvent(events, this.selected, frames, this.frameTimes));
  }

  deleteSelected(): void {
    const events = this.events;
    if (!events || !this.selected) return;
    this.commit({ events: deleteEvent(events, this.selected), ref: null });
  }

  /** Adds an event of the chosen leg and kind at the video's current frame. */
  addAtCurrentFrame(): void {
    const events = this.events;
    if (!events) return;
    const [side, kind] = this.addKind.split(' ') as [Side, EventKind];
    const added = addEvent(events, side, kind, snapToFrame(this.frameTimes, this.time));
    if (added) this.commit(added);
  }

  private resetEvents(): void {
    this.selected = null;
    this.emitEdit(null);
  }

  /** The event marker under a point of the canvas (CSS pixels from its top left), if any. */
  private hitEvent(px: number, py: number, width: number): EventRef | null {
    const events = this.events;
    if (!events) return null;
    const x = this.xScale(width);
    let best: { ref: EventRef; d: number } | null = null;
    SIDES.forEach((side, s) => {
      const top = rowTop(s);
      if (py < top - 6 || py > top + ROW_H + 6) return;
      for (const kind of EVENT_KINDS) {
        events[side][kind].forEach((t, index) => {
          // Toe-off triangles sit on the row's lower edge: prefer them there, heel strikes above.
          const bias = kind === 'toeOffs' ? (py > top + ROW_H / 2 ? -2 : 2) : py > top + ROW_H / 2 ? 2 : -2;
          const d = Math.abs(x(t) - px) + bias;
          if (Math.abs(x(t) - px) <= HIT_PX && (!best || d < best.d)) best = { ref: { side, kind, index }, d };
        });
      }
    });
    return (best as { ref: EventRef } | null)?.ref ?? null;
  }

  private xScale(cssW: number): (t: number) => number {
    const [t0, t1] = this.span;
    const plotW = cssW - LABEL_W - 8;
    return (t: number) => LABEL_W + ((t - t0) / Math.max(1e-6, t1 - t0)) * plotW;
  }

  private onPointerDown(event: PointerEvent): void {
    const canvas = this.canvas;
    if (!canvas || event.button !== 0) return;
    const rect = canvas.getBoundingClientRect();
    const ref = this.hitEvent(event.clientX - rect.left, event.clientY - rect.top, rect.width);
    if (!ref) return;
    event.preventDefault();
    canvas.focus();
    canvas.setPointerCapture(event.pointerId);
    this.selected = ref;
    this.drag = { ref, t: this.eventTime(ref) ?? 0, startX: event.clientX, moved: false };
    this.suppressClick = true;
  }

  private onPointerMove(event: PointerEvent): void {
    const drag = this.drag;
    if (!drag) return;
    if (Math.abs(event.clientX - drag.startX) >= 3) drag.moved = true;
    if (!drag.moved) return;
    drag.t = snapToFrame(this.frameTimes, this.timeAtClientX(event.clientX));
    this.draw();
  }

  private onPointerUp(): void {
    const drag = this.drag;
    const events = this.events;
    this.drag = null;
    if (!drag || !events) return;
    const from = this.eventTime(drag.ref);
    if (drag.moved && from !== undefined && frameIndexAt(this.frameTimes, drag.t) !== frameIndexAt(this.frameTimes, from)) {
      this.commit(moveEvent(events, drag.ref, drag.t));
    } else {
      this.draw();
      if (from !== undefined) this.dispatchEvent(seekEvent(from));
    }
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
    const x = this.xScale(cssW);
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

    SIDES.forEach((side, s) => this.drawRow(ctx, report, side, rowTop(s), x, cssW));

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
    // Heel strikes: a dark bar across the row; toe offs: a triangle on the bottom edge. Edited
    // events in orange; the selected one outlined in blue; a dragged one drawn where it is now.
    const events = this.events ?? reportEvents(report);
    for (const kind of EVENT_KINDS) {
      events[side][kind].forEach((time, index) => {
        const sel = this.selected?.side === side && this.selected.kind === kind && this.selected.index === index;
        const t = sel && this.drag?.moved ? this.drag.t : time;
        const edited = isEdited(t, side, kind, this.detected) || (sel && !!this.drag?.moved);
        const px = x(t);
        if (sel) {
          ctx.fillStyle = 'rgba(11, 79, 196, 0.18)';
          ctx.fillRect(px - 8, top - 4, 16, ROW_H + 8);
          ctx.strokeStyle = SELECTED_COLOR;
          ctx.lineWidth = 2;
          ctx.strokeRect(px - 8, top - 4, 16, ROW_H + 8);
        }
        if (kind === 'heelStrikes') {
          ctx.fillStyle = edited ? EDITED_COLOR : '#111';
          ctx.fillRect(px - (edited ? 1.5 : 1), top - 2, edited ? 3.5 : 2.5, ROW_H + 4);
          return;
        }
        ctx.beginPath();
        ctx.moveTo(px, top + ROW_H - 9);
        ctx.lineTo(px - 5, top + ROW_H + 1);
        ctx.lineTo(px + 5, top + ROW_H + 1);
        ctx.closePath();
        ctx.fillStyle = edited ? EDITED_COLOR : '#fff';
        ctx.fill();
        ctx.strokeStyle = '#111';
        ctx.lineWidth = 1.2;
        ctx.stroke();
      });
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
    if (this.suppressClick) {
      this.suppressClick = false;
      return;
    }
    this.selected = null;
    this.dispatchEvent(seekEvent(this.timeAtClientX(event.clientX)));
  }

  private onKey(event: KeyboardEvent): void {
    const report = this.report;
    if (!report) return;
    if (this.selected) {
      const frames = event.key === 'ArrowLeft' ? -1 : event.key === 'ArrowRight' ? 1 : 0;
      if (frames) {
        event.preventDefault();
        this.stepSelected(frames);
        return;
      }
      if (event.key === 'Delete' || event.key === 'Backspace') {
        event.preventDefault();
        this.deleteSelected();
        return;
      }
      if (event.key === 'Escape') {
        this.selected = null;
        return;
      }
    }
    if (event.key === 'Enter' || event.key === ' ') {
      // Select the event nearest to the video position, so the keyboard can edit too.
      event.preventDefault();
      this.selectNearest();
      return;
    }
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    // The video reports the time of the frame it shows, which can be just before the event a key
    // sought: step on from that event, not back to it.
    const from = this.keyTarget !== null && Math.abs(this.time - this.keyTarget) < KEY_SNAP_S ? this.keyTarget : this.time;
    const next = adjacentEvent(eventTimes(report), from, event.key === 'ArrowRight' ? 1 : -1);
    if (next === undefined) return;
    this.keyTarget = next;
    this.dispatchEvent(seekEvent(next));
  }

  private selectNearest(): void {
    const events = this.events;
    if (!events) return;
    let best: { ref: EventRef; d: number } | null = null;
    for (const side of SIDES) {
      for (const kind of EVENT_KINDS) {
        events[side][kind].forEach((t, index) => {
          const d = Math.abs(t - this.time);
          if (!best || d < best.d) best = { ref: { side, kind, index }, d };
        });
      }
    }
    const found = best as { ref: EventRef } | null;
    if (!found) return;
    this.selected = found.ref;
    const t = this.eventTime(found.ref);
    if (t !== undefined) this.dispatchEvent(seekEvent(t));
  }

  private renderEditor(report: GaitReport) {
    const sel = this.selected;
    const t = sel ? this.eventTime(sel) : undefined;
    const detected = this.detected;
    const edits = detected ? describeEdits(countEdits(reportEvents(report), detected)) : '';
    const frameNo = (time: number) => frameIndexAt(this.frameTimes, time) + 1;
    return html`<div class="edit" role="group" aria-labelledby="edit-heading" data-testid="event-editor">
      <h4 id="edit-heading">Correct the events</h4>
      <p class="selected" data-testid="event-selected" aria-live="polite">
        ${sel && t !== undefined
          ? html`<strong>${SIDE_LABEL[sel.side]} ${EVENT_LABEL[sel.kind]}</strong> at ${fmt(t, 3)} s (frame ${frameNo(t)})${isEdited(t, sel.side, sel.kind, detected) ? html` · <span class="edited">edited</span>` : nothing}`
          : html`<span class="muted">Click a heel strike or toe off to select it (or focus the timeline and press Enter); drag it, or move it one frame with ← →.</span>`}
      </p>
      <div class="tools">
        <button type="button" data-testid="event-earlier" ?disabled=${!sel} @click=${() => this.stepSelected(-1)}>−1 frame</button>
        <button type="button" data-testid="event-later" ?disabled=${!sel} @click=${() => this.stepSelected(1)}>+1 frame</button>
        <button type="button" data-testid="event-delete" ?disabled=${!sel} @click=${() => this.deleteSelected()}>Delete</button>
        <span class="add">
          <label class="sr-only" for="add-kind">Event to add</label>
          <select id="add-kind" data-testid="event-add-kind" .value=${this.addKind} @change=${(e: Event) => (this.addKind = (e.target as HTMLSelectElement).value)}>
            ${SIDES.flatMap((side) => EVENT_KINDS.map((kind) => html`<option value="${side} ${kind}" ?selected=${this.addKind === `${side} ${kind}`}>${SIDE_LABEL[side]} ${EVENT_LABEL[kind]}</option>`))}
          </select>
          <button type="button" data-testid="event-add" @click=${() => this.addAtCurrentFrame()}>Add at frame ${frameNo(this.time)}</button>
        </span>
        ${detected
          ? html`<button type="button" data-testid="events-reset" @click=${() => this.resetEvents()}>Reset to detected</button>`
          : nothing}
      </div>
      ${detected
        ? html`<p class="edited-note" data-testid="events-edited">Events corrected by hand${edits ? ` (${edits})` : ''}: the phases, numbers and flags come from them.</p>`
        : nothing}
    </div>`;
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
            @pointerdown=${this.onPointerDown}
            @pointermove=${this.onPointerMove}
            @pointerup=${this.onPointerUp}
            @pointercancel=${() => {
              this.drag = null;
              this.draw();
            }}
          ></canvas>
        </div>
        <ul class="legend" aria-label="Legend">
          ${PHASE_NAMES.map((p) => html`<li><span class="chip" style="background:${PHASE_COLOR[p]}"></span>${PHASE_LABEL[p]}</li>`)}
          <li><span class="chip none"></span>Not analysed (turn, start or end)</li>
          <li><svg width="10" height="18" aria-hidden="true"><rect x="4" y="0" width="2.5" height="18" fill="#111"></rect></svg>Heel strike</li>
          <li><svg width="14" height="14" aria-hidden="true"><path d="M7 3 L2 13 L12 13 Z" fill="#fff" stroke="#111" stroke-width="1.2"></path></svg>Toe off</li>
          <li><svg width="10" height="18" aria-hidden="true"><rect x="4" y="0" width="2" height="18" fill=${CURSOR_COLOR}></rect></svg>Video position</li>
          ${this.detected ? html`<li><svg width="10" height="18" aria-hidden="true"><rect x="3" y="0" width="3.5" height="18" fill=${EDITED_COLOR}></rect></svg>Edited by hand</li>` : nothing}
        </ul>
        ${this.renderEditor(report)}
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
