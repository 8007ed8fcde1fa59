import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { GaitPoseTrack } from '../../core/format/poseTrack';
import { resolveFigure, type FigureLayout } from '../../core/format/bodyPoints';
import { SIDES, type GaitReport } from '../../core/format/report';
import { PHASE_LABEL, SIDE_COLOR } from '../charts/palette';
import { COCO_FIGURE, drawSkeleton, pointOf, type View } from './skeleton';
import { baseStyles } from './styles';
import { adjacentEvent, eventTimes, frameIndexAt } from './timeSync';
import { MeasureController } from './measureController';
import { measurementValue, type Measurement, type MeasurementKind, type Point } from '../../core/export/measurements';
import { fmt } from './format';

export interface TimeDetail {
  time: number;
}

export interface MeasurementsDetail {
  measurements: Measurement[];
}

const MEASURE_COLOR = '#ffd400';
const KEPT_COLOR = 'rgba(255, 255, 255, 0.85)';
/** Keypoints the tools start from: the knee angle (hip, knee, ankle) and the step (ankle to ankle). */
const DEFAULT_POINTS: Record<MeasurementKind, (side: 'left' | 'right') => string[]> = {
  angle: (side) => [`${side}_hip`, `${side}_knee`, `${side}_ankle`],
  distance: () => ['left_ankle', 'right_ankle'],
};
const TOOL_LABEL: Record<MeasurementKind, string> = { angle: 'Angle', distance: 'Distance' };

const RATES = [0.25, 0.5, 1] as const;

/** Keys as in common video tools: `,` and `.` step one frame; `<` and `>` jump to the previous or next gait event. */
const STEP_KEYS: Record<string, { frames?: 1 | -1; event?: 1 | -1 }> = {
  ',': { frames: -1 },
  '.': { frames: 1 },
  '<': { event: -1 },
  '>': { event: 1 },
};

/** Whether a key press belongs to a text field or a list box (then it is not a shortcut). */
function isTyping(event: KeyboardEvent): boolean {
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The walk with its skeleton: the video with the track's keypoints drawn over it in sync
 * (requestVideoFrameCallback, with timeupdate/seeked as fallback), or, without a video, the
 * track played as a stick figure. Fires `gait-time` (bubbling, composed) whenever the frame shown
 * changes; `seek(t)` moves it. Frame by frame: `,` and `.` (anywhere on the page but in a text
 * field) step one frame back or forward, `<` and `>` jump to the previous or next gait event, with
 * buttons for the same; the frame number and time are shown; playback at 1/4, 1/2 or normal speed.
 * The play button, time slider and the rest sit below the picture, video or not: the browser's own
 * video controls would cover the bottom of the frame, where the feet (heel and toe points) are.
 *
 * Measuring on a paused frame: an angle (three points, the middle one the vertex) or a distance
 * (two points) drawn over the picture with its value shown live. A tool starts on the detected
 * keypoints (knee angle of the better-seen leg; ankle to ankle) so a drag adjusts a point; "Clear
 * points" lets three (or two) clicks place them. "Keep" adds the measurement to the list, which
 * the element fires as `measurements-change` (bubbling, composed) for the session to save.
 */
@customElement('gait-video-overlay')
export class GaitVideoOverlay extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .stage { position: relative; width: 100%; background: #1d232a; border-radius: 8px; overflow: hidden; }
      video, .stage canvas { position: absolute; inset: 0; width: 100%; height: 100%; }
      video { object-fit: contain; }
      .stage canvas { pointer-events: none; }
      .stage canvas.measuring { pointer-events: auto; cursor: crosshair; touch-action: none; }
      .measure { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem 0.6rem; margin-top: 0.5rem; font-size: 0.875rem; }
      .measure-title { font-weight: 600; }
      .measure button, .steps button { min-height: 2.75rem; }
      .measure button[aria-pressed='true'] { background: #0b4fc4; color: #fff; border-color: #0b4fc4; }
      .measure button.primary:not([disabled]) { background: #0b4fc4; color: #fff; border-color: #0b4fc4; }
      .measure .value { font-variant-numeric: tabular-nums; }
      .kept { margin: 0.4rem 0 0; padding-left: 1.4rem; font-size: 0.875rem; }
      .kept li { margin: 0.15rem 0; }
      .link-btn { background: none; border: none; padding: 0 0.2rem; color: #0b4fc4; text-decoration: underline; cursor: pointer; font: inherit; min-height: 2rem; }
      .bar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 0.8rem; margin-top: 0.5rem; font-size: 0.875rem; }
      .bar input[type='range'] { flex: 1 1 12rem; min-width: 8rem; }
      .keys { display: inline-flex; gap: 0.8rem; white-space: nowrap; }
      .key { display: inline-flex; align-items: center; gap: 0.3rem; }
      .swatch { width: 1.4rem; height: 0.3rem; border-radius: 2px; display: inline-block; }
      select { font: inherit; min-height: 2.2rem; }
      .time { font-variant-numeric: tabular-nums; min-width: 7.5rem; }
      .frame { font-variant-numeric: tabular-nums; white-space: nowrap; }
      .steps { display: inline-flex; gap: 0.25rem; }
      .steps button { min-width: 2.75rem; min-height: 2.75rem; padding: 0 0.5rem; }
      @media print { :host { display: none !important; } }
    `,
  ];

  @property({ attribute: false }) track?: GaitPoseTrack;
  @property({ attribute: false }) report?: GaitReport;
  @property({ attribute: false }) videoUrl: string | null = null;
  /** Measurements kept with this walk. */
  @property({ attribute: false }) measurements: Measurement[] = [];
  /** Metres per image pixel when known (distances are then also shown in cm). */
  @property({ attribute: false }) metresPerPixel: number | null = null;

  private readonly measure = new MeasureController(this);

  @state() private playing = false;
  @state() private time = 0;
  @state() private rate: number = 1;

  @query('video') private video?: HTMLVideoElement;
  @query('canvas') private canvas?: HTMLCanvasElement;

  private frameIndex = -1;
  private raf = 0;
  private lastTick = 0;
  private resizeObserver?: ResizeObserver;
  private floorY = 0;
  private frameTimes: number[] = [];
  /** Median time between frames (seconds). */
  private frameInterval = 1 / 30;
  /** The time last sought, until the video plays on from it. */
  private soughtTime: number | null = null;
  private lastHipX: number | null = null;
  /** Where each drawn point is in this track's keypoints, looked up by name (any layout). */
  private figure: FigureLayout = COCO_FIGURE;
  private bodyTopY = 0;

  get currentTime(): number {
    return this.time;
  }

  get start(): number {
    return this.track?.frames[0]?.t ?? 0;
  }

  get end(): number {
    const frames = this.track?.frames ?? [];
    return frames[frames.length - 1]?.t ?? 0;
  }

  /** Shows the walk at time t (seconds). */
  seek(t: number): void {
    const clamped = Math.min(this.end, Math.max(this.start, t));
    if (this.video && this.videoUrl) {
      this.soughtTime = clamped;
      this.video.currentTime = clamped;
    }
    this.show(clamped, true);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('track') && this.track) {
      this.figure = resolveFigure(this.track.keypointNames);
      // Floor for the stick figure: the lowest ankle (or heel and toe, where the track has them) seen (y grows downwards).
      let floor = 0;
      const feet = (['leftAnkle', 'rightAnkle', 'leftHeel', 'rightHeel', 'leftToe', 'rightToe'] as const).filter((p) => this.figure[p] >= 0);
      for (const f of this.track.frames) {
        for (const k of feet.map((p) => pointOf(f, this.figure, p))) if (k && k[1] !== null && k[2] > 0.2) floor = Math.max(floor, k[1]);
      }
      this.floorY = floor;
      // Top of the body (median over frames of the highest point seen): the stick figure view
      // is zoomed to the body, whatever the size of the image around it.
      const tops = this.track.frames
        .map((f) => Math.min(...f.keypoints.filter((k) => k[1] !== null && k[2] > 0.2).map((k) => k[1] as number)))
        .filter(Number.isFinite)
        .sort((a, b) => a - b);
      this.bodyTopY = tops.length ? tops[Math.floor(tops.length / 2)] : 0;
      this.frameTimes = this.track.frames.map((f) => f.t);
      const gaps = this.frameTimes.slice(1).map((t, i) => t - this.frameTimes[i]).sort((a, b) => a - b);
      this.frameInterval = gaps.length ? gaps[Math.floor(gaps.length / 2)] : 1 / (this.track.fps || 30);
      this.time = this.start;
      this.frameIndex = -1;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver(() => this.redraw());
    window.addEventListener('keydown', this.onKey);
  }

  /** Index of the frame shown (0-based). */
  get currentFrame(): number {
    return Math.max(0, this.frameIndex);
  }

  /** Pauses and moves `frames` frames back (negative) or forward. */
  step(frames: number): void {
    if (this.frameTimes.length === 0) return;
    this.pause();
    const i = Math.min(this.frameTimes.length - 1, Math.max(0, this.currentFrame + frames));
    this.seek(this.frameTimes[i]);
  }

  /** Pauses and moves to the previous (-1) or next (1) heel strike or toe off of either leg. */
  jumpToEvent(dir: 1 | -1): void {
    if (!this.report) return;
    const t = adjacentEvent(eventTimes(this.report), this.time, dir);
    if (t === undefined) return;
    this.pause();
    this.seek(t);
  }

  pause(): void {
    if (this.videoUrl && this.video) this.video.pause();
    else this.stopAnimation();
  }

  /** Client coordinates to the track's image pixels (the inverse of the drawing's view). */
  private toImage(clientX: number, clientY: number): Point | null {
    const canvas = this.canvas;
    if (!canvas || !this.track) return null;
    const rect = canvas.getBoundingClientRect();
    const dpr = canvas.width / Math.max(1, rect.width);
    const view = this.view(canvas);
    return [((clientX - rect.left) * dpr - view.offsetX) / view.scale, ((clientY - rect.top) * dpr - view.offsetY) / view.scale];
  }

  /** Image pixels that a finger's width (14 CSS pixels) covers. */
  private grabRadius(): number {
    const canvas = this.canvas;
    if (!canvas) return 10;
    const rect = canvas.getBoundingClientRect();
    return (14 * (canvas.width / Math.max(1, rect.width))) / this.view(canvas).scale;
  }

  /** The tool's starting points: detected keypoints of the current frame (the better-seen leg). */
  private defaultPoints(tool: MeasurementKind): Point[] {
    const track = this.track;
    const frame = track?.frames[this.currentFrame];
    if (!track || !frame) return [];
    const at = (name: string) => frame.keypoints[track.keypointNames.indexOf(name)];
    const score = (side: 'left' | 'right') => DEFAULT_POINTS.angle(side).reduce((sum, n) => sum + (at(n)?.[2] ?? 0), 0);
    const side = score('left') >= score('right') ? 'left' : 'right';
    const points = DEFAULT_POINTS[tool](side).map(at);
    return points.every((k) => k && k[0] !== null && k[1] !== null && k[2] >= 0.2) ? points.map((k) => [k![0] as number, k![1] as number] as Point) : [];
  }

  private toggleTool(tool: MeasurementKind): void {
    this.pause();
    this.measure.toggle(tool, this.defaultPoints(tool));
  }

  private onMeasureDown(event: PointerEvent): void {
    const p = this.toImage(event.clientX, event.clientY);
    if (!p || !this.measure.press(p, this.grabRadius())) return;
    event.preventDefault();
    this.canvas?.setPointerCapture(event.pointerId);
  }

  private onMeasureMove(event: PointerEvent): void {
    const p = this.toImage(event.clientX, event.clientY);
    if (p) this.measure.move(p);
  }

  private keepMeasurement(): void {
    const m = this.measure.measurement(this.currentFrame, this.frameTimes[this.currentFrame] ?? this.time);
    if (!m) return;
    this.emitMeasurements([...this.measurements, m]);
    this.measure.off();
  }

  private emitMeasurements(measurements: Measurement[]): void {
    this.dispatchEvent(new CustomEvent<MeasurementsDetail>('measurements-change', { detail: { measurements }, bubbles: true, composed: true }));
  }

  private formatValue(kind: MeasurementKind, value: number | null): string {
    if (value === null) return '–';
    if (kind === 'angle') return `${fmt(value, 1)}°`;
    return `${fmt(value, 0)} px${this.metresPerPixel ? ` (${fmt(value * this.metresPerPixel * 100, 1)} cm)` : ''}`;
  }

  private readonly onKey = (event: KeyboardEvent) => {
    const action = STEP_KEYS[event.key];
    if (!action || event.ctrlKey || event.metaKey || event.altKey || isTyping(event) || !this.isConnected) return;
    event.preventDefault();
    if (action.frames) this.step(action.frames);
    else if (action.event) this.jumpToEvent(action.event);
  };

  protected override firstUpdated(): void {
    const stage = this.renderRoot.querySelector('.stage');
    if (stage) this.resizeObserver?.observe(stage);
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.redraw();
    if (changed.has('videoUrl') || changed.has('track')) {
      this.stopAnimation();
      this.playing = false;
      if (this.videoUrl && this.video) this.watchVideo(this.video);
      this.show(this.start, true);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKey);
    this.stopAnimation();
    this.resizeObserver?.disconnect();
  }

  private watchVideo(video: HTMLVideoElement): void {
    const onFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
      if (this.video === video) video.requestVideoFrameCallback(onFrame);
      // While a seek is pending, frames reported are from before it: a stale one would move every
      // cursor back (and an arrow key pressed next would start from there).
      if (video.seeking) return;
      // After a seek to t (an event between two frames), the frame shown starts a little before t:
      // keep t as the time, so the cursors stay on the event and the next jump starts after it.
      const sought = this.soughtTime;
      if (sought !== null && meta.mediaTime <= sought + 1e-6 && sought - meta.mediaTime < this.frameInterval) return;
      this.soughtTime = null;
      this.show(meta.mediaTime);
    };
    if ('requestVideoFrameCallback' in video) video.requestVideoFrameCallback(onFrame);
  }

  /** Draws the frame nearest to t and tells the rest of the results where we are. */
  private show(t: number, force = false): void {
    this.time = t;
    const track = this.track;
    if (!track || track.frames.length === 0) return;
    const i = frameIndexAt(this.frameTimes, t);
    if (i === this.frameIndex && !force) return;
    this.frameIndex = i;
    this.redraw();
    this.dispatchEvent(new CustomEvent<TimeDetail>('gait-time', { detail: { time: t }, bubbles: true, composed: true }));
  }

  private view(canvas: HTMLCanvasElement): View {
    const track = this.track!;
    const w = canvas.width;
    const h = canvas.height;
    if (this.videoUrl) {
      // The video is letterboxed (object-fit: contain) inside the stage: map onto its picture.
      const scale = Math.min(w / track.width, h / track.height);
      return { scale, offsetX: (w - track.width * scale) / 2, offsetY: (h - track.height * scale) / 2 };
    }
    // Stick figure: the image height fills the stage and the view follows the walker's hips
    // (an overground walk can be several times wider than it is tall).
    const bodyH = this.floorY > this.bodyTopY ? this.floorY - this.bodyTopY : track.height;
    const scale = Math.min((h * 0.8) / bodyH, (h / track.height) * 3);
    const hipX = this.hipX();
    const offsetX = w / 2 - hipX * scale;
    const offsetY = h * 0.9 - this.floorY * scale;
    return { scale, offsetX, offsetY };
  }

  /** Hip x of the current frame (mean of the hips seen), or the image centre. */
  private hipX(): number {
    const frame = this.track?.frames[Math.max(0, this.frameIndex)];
    const xs = (frame ? [pointOf(frame, this.figure, 'leftHip'), pointOf(frame, this.figure, 'rightHip')] : []).filter((k) => k && k[0] !== null && k[2] > 0.2).map((k) => k![0] as number);
    if (xs.length > 0) this.lastHipX = xs.reduce((a, b) => a + b, 0) / xs.length;
    return this.lastHipX ?? (this.track?.width ?? 0) / 2;
  }

  private redraw(): void {
    const canvas = this.canvas;
    const track = this.track;
    if (!canvas || !track) return;
    const dpr = window.devicePixelRatio || 1;
    const width = Math.round(canvas.clientWidth * dpr);
    const height = Math.round(canvas.clientHeight * dpr);
    if (width === 0 || height === 0) return;
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, width, height);
    const view = this.view(canvas);
    if (!this.videoUrl) {
      ctx.fillStyle = '#2a323b';
      ctx.fillRect(0, 0, width, height);
      if (this.floorY > 0) {
        ctx.strokeStyle = '#6b7785';
        ctx.lineWidth = 2 * dpr;
        const y = view.offsetY + this.floorY * view.scale + 4 * dpr;
        ctx.beginPath();
        ctx.moveTo(0, y);
        ctx.lineTo(width, y);
        // Ticks on the floor every 50 image pixels, so the walk shows while the view follows.
        const first = Math.ceil(-view.offsetX / view.scale / 50) * 50;
        for (let x = first; view.offsetX + x * view.scale <= width; x += 50) {
          ctx.moveTo(view.offsetX + x * view.scale, y);
          ctx.lineTo(view.offsetX + x * view.scale, y + 8 * dpr);
        }
        ctx.stroke();
      }
    }
    const frame = track.frames[Math.max(0, this.frameIndex)];
    if (frame) drawSkeleton(ctx, frame, view, Math.max(3, 5 * dpr * Math.min(1, canvas.clientWidth / 640)), this.figure);
    // Phase of each leg, in words, in the corner.
    const report = this.report;
    if (report) {
      const i = frameIndexAt(report.frames.t, this.time);
      ctx.font = `${Math.round(13 * dpr)}px system-ui, sans-serif`;
      ctx.textBaseline = 'top';
      SIDES.forEach((side, s) => {
        const phase = report.frames.phase[side][i];
        const text = `${side === 'left' ? 'Left' : 'Right'}: ${phase ? PHASE_LABEL[phase].toLowerCase() : '–'}`;
        const y = 8 * dpr + s * 20 * dpr;
        const tw = ctx.measureText(text).width;
        ctx.fillStyle = 'rgba(0, 0, 0, 0.6)';
        ctx.fillRect(6 * dpr, y - 2 * dpr, tw + 10 * dpr, 18 * dpr);
        ctx.fillStyle = side === 'left' ? '#9fd3ff' : '#ffb98a';
        ctx.fillText(text, 11 * dpr, y);
      });
    }
    // Measurements: those kept on this frame, then the one being placed.
    for (const m of this.measurements) if (m.frame === this.currentFrame) this.drawMeasurement(ctx, view, m.kind, m.points, KEPT_COLOR, dpr);
    if (this.measure.tool) this.drawMeasurement(ctx, view, this.measure.tool, this.measure.points, MEASURE_COLOR, dpr, true);
  }

  private drawMeasurement(ctx: CanvasRenderingContext2D, view: View, kind: MeasurementKind, points: Point[], color: string, dpr: number, handles = false): void {
    const at = (p: Point): Point => [view.offsetX + p[0] * view.scale, view.offsetY + p[1] * view.scale];
    const px = points.map(at);
    ctx.save();
    ctx.strokeStyle = color;
    ctx.lineWidth = 2.5 * dpr;
    ctx.setLineDash(handles ? [] : [6 * dpr, 4 * dpr]);
    ctx.beginPath();
    px.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
    ctx.stroke();
    ctx.setLineDash([]);
    if (handles) {
      for (const [x, y] of px) {
        ctx.beginPath();
        ctx.arc(x, y, 7 * dpr, 0, 2 * Math.PI);
        ctx.fillStyle = 'rgba(0, 0, 0, 0.45)';
        ctx.fill();
        ctx.lineWidth = 2 * dpr;
        ctx.stroke();
      }
    }
    const value = measurementValue({ kind, points });
    if (value !== null) {
      const [lx, ly] = kind === 'angle' ? px[1] : [(px[0][0] + px[1][0]) / 2, (px[0][1] + px[1][1]) / 2];
      const text = this.formatValue(kind, value);
      ctx.font = `600 ${Math.round(15 * dpr)}px system-ui, sans-serif`;
      ctx.textBaseline = 'middle';
      const w = ctx.measureText(text).width;
      const x = Math.min(Math.max(4 * dpr, lx + 12 * dpr), ctx.canvas.width - w - 12 * dpr);
      ctx.fillStyle = 'rgba(0, 0, 0, 0.7)';
      ctx.fillRect(x - 5 * dpr, ly - 12 * dpr, w + 10 * dpr, 24 * dpr);
      ctx.fillStyle = color;
      ctx.fillText(text, x, ly);
    }
    ctx.restore();
  }

  /** Play or pause: the video, or the stick figure's own playback (no video). */
  private togglePlay(): void {
    if (this.videoUrl && this.video) {
      if (this.video.paused) void this.video.play();
      else this.video.pause();
      return;
    }
    if (this.playing) this.stopAnimation();
    else this.startAnimation();
  }

  private startAnimation(): void {
    this.playing = true;
    if (this.time >= this.end) this.time = this.start;
    this.lastTick = performance.now();
    const tick = (now: number) => {
      const dt = (now - this.lastTick) / 1000;
      this.lastTick = now;
      let t = this.time + dt * this.rate;
      if (t > this.end) t = this.start + (t - this.end); // loop
      this.show(t);
      this.raf = requestAnimationFrame(tick);
    };
    this.raf = requestAnimationFrame(tick);
  }

  private stopAnimation(): void {
    cancelAnimationFrame(this.raf);
    this.playing = false;
  }

  private onScrub(event: Event): void {
    this.seek(Number((event.target as HTMLInputElement).value));
  }

  private onRate(event: Event): void {
    this.rate = Number((event.target as HTMLSelectElement).value);
    if (this.video) this.video.playbackRate = this.rate;
  }

  private onVideoEvent(): void {
    if (this.video && !this.video.seeking) this.show(this.video.currentTime);
  }

  private renderMeasure() {
    const m = this.measure;
    const tool = m.tool;
    const toolButton = (kind: MeasurementKind) =>
      html`<button type="button" data-testid="measure-${kind}" aria-pressed=${tool === kind ? 'true' : 'false'} @click=${() => this.toggleTool(kind)}>${TOOL_LABEL[kind]}</button>`;
    return html`<div class="measure" role="group" aria-label="Measure on the paused frame">
      <span class="measure-title">Measure</span>
      ${toolButton('angle')} ${toolButton('distance')}
      ${tool
        ? html`<span class="value" data-testid="measure-value" aria-live="polite">${TOOL_LABEL[tool]}: <strong>${this.formatValue(tool, m.value)}</strong></span>
            <button type="button" data-testid="measure-clear" @click=${() => m.clear()}>Clear points</button>
            <button type="button" class="primary" data-testid="measure-keep" ?disabled=${!m.complete} @click=${() => this.keepMeasurement()}>Keep</button>
            <span class="hint muted">${m.complete ? 'Drag a point to adjust it.' : `Click ${m.needed - m.points.length} more point${m.needed - m.points.length === 1 ? '' : 's'}${tool === 'angle' && m.points.length === 1 ? ' (the vertex next)' : ''}.`}</span>`
        : html`<span class="hint muted">Pause on a frame, then measure an angle or a distance over it.</span>`}
    </div>
    ${this.measurements.length
      ? html`<ol class="kept" data-testid="measurements" aria-label="Measurements kept">
          ${this.measurements.map(
            (k, i) => html`<li data-testid="measurement">
              <button type="button" class="link-btn" @click=${() => (this.pause(), this.seek(k.t))}>Frame ${k.frame + 1} (${fmt(k.t, 2)} s)</button>
              ${TOOL_LABEL[k.kind]} <strong>${this.formatValue(k.kind, measurementValue(k))}</strong>
              <button type="button" class="link-btn" aria-label="Remove this measurement" @click=${() => this.emitMeasurements(this.measurements.filter((_, j) => j !== i))}>Remove</button>
            </li>`,
          )}
        </ol>`
      : nothing}`;
  }

  override render() {
    const track = this.track;
    if (!track) return nothing;
    const aspect = `${track.width} / ${track.height}`;
    const stickAspect = track.width / track.height > 16 / 9 ? '16 / 9' : aspect;
    const withVideo = !!this.videoUrl;
    const label = withVideo
      ? 'The walk video with the detected skeleton drawn over it'
      : 'The detected skeleton replayed as a stick figure (no video was loaded)';
    return html`
      <div data-testid="video-overlay">
        <div class="stage" style="aspect-ratio: ${withVideo ? aspect : stickAspect}">
          ${withVideo
            ? html`<video
                src=${this.videoUrl!}
                playsinline
                muted
                preload="auto"
                aria-label=${label}
                @seeked=${this.onVideoEvent}
                @timeupdate=${this.onVideoEvent}
                @loadeddata=${this.onVideoEvent}
                @play=${() => (this.playing = true)}
                @pause=${() => (this.playing = false)}
                @click=${this.togglePlay}
              ></video>`
            : nothing}
          <canvas
            class=${this.measure.tool ? 'measuring' : ''}
            role=${withVideo ? 'presentation' : 'img'}
            aria-label=${withVideo ? '' : label}
            data-testid="overlay-canvas"
            @pointerdown=${this.onMeasureDown}
            @pointermove=${this.onMeasureMove}
            @pointerup=${() => this.measure.release()}
            @pointercancel=${() => this.measure.release()}
          ></canvas>
        </div>
        <div class="bar">
          <button type="button" data-testid="play" @click=${this.togglePlay} aria-pressed=${this.playing ? 'true' : 'false'}>${this.playing ? 'Pause' : 'Play'}</button>
          <label class="sr-only" for="scrub">Time in the walk</label>
          <input id="scrub" data-testid="scrub" type="range" min=${this.start} max=${this.end} step="0.01" .value=${String(this.time)} @input=${this.onScrub} />
          <span class="time" aria-live="off">${this.time.toFixed(2)} s / ${this.end.toFixed(2)} s</span>
          <span class="steps" role="group" aria-label="Frame by frame">
            <button type="button" data-testid="prev-event" title="Previous gait event (<)" aria-label="Previous gait event" @click=${() => this.jumpToEvent(-1)}>◀ event</button>
            <button type="button" data-testid="step-back" title="One frame back (,)" aria-label="One frame back" @click=${() => this.step(-1)}>−1</button>
            <button type="button" data-testid="step-forward" title="One frame forward (.)" aria-label="One frame forward" @click=${() => this.step(1)}>+1</button>
            <button type="button" data-testid="next-event" title="Next gait event (>)" aria-label="Next gait event" @click=${() => this.jumpToEvent(1)}>event ▶</button>
          </span>
          <span class="frame" data-testid="frame-number" data-frame=${this.currentFrame} aria-live="polite">
            Frame ${this.currentFrame + 1} / ${this.frameTimes.length} · ${this.time.toFixed(3)} s
          </span>
          <label>Speed
            <select data-testid="playback-rate" @change=${this.onRate}>
              ${RATES.map((r) => html`<option value=${r} ?selected=${r === this.rate}>${r === 1 ? 'normal' : r === 0.5 ? '½×' : '¼×'}</option>`)}
            </select>
          </label>
          <span class="keys">
            <span class="key"><span class="swatch" style="background:${SIDE_COLOR.left}"></span>left leg</span>
            <span class="key"><span class="swatch" style="background:${SIDE_COLOR.right}"></span>right leg</span>
          </span>
        </div>
        ${this.renderMeasure()}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gait-video-overlay': GaitVideoOverlay;
  }
}
