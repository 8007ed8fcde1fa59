/**
 * <gait-camera>: film a walk with this device's camera.
 *
 * Shows the camera with a live skeleton over it (the `model` property: MoveNet Lightning by
 * default), the set-up guide, live checks of what is wrong with the set-up
 * (src/capture/liveChecks.ts), each leg's current phase and the cadence (src/capture/liveGait.ts),
 * and record / stop. On stop it fires
 *   CustomEvent('recording-complete', { detail: { blob, name }, bubbles, composed })
 * and the shell runs the same full analysis as for an upload. A refused or missing camera shows
 * the message with a button that fires CustomEvent('use-upload', { bubbles, composed }).
 * Camera, recorder and pose worker are stopped when the element leaves the page.
 *
 * The element renders and moves between its modes; the work is in one reactive controller each
 * (./controllers/): the camera stream, the live pose, the live readout (set-up checks and gait)
 * and the recorder.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { defaultFacingMode, type FacingMode } from '../../capture/camera';
import { LIVE_POSE_MODEL } from '../../capture/livePose';
import { VideoInputError } from '../../contracts';
import { sharedStyles } from '../styles/shared';
import { CameraStreamController } from './controllers/cameraStreamController';
import { LivePoseController } from './controllers/livePoseController';
import { LiveReadoutController } from './controllers/liveReadoutController';
import { RecorderController } from './controllers/recorderController';
import { drawPoseOverlay } from './poseOverlay';

/** Under this a recording is too short for an analysis (4-6 steps needed). */
const SHORT_RECORDING_S = 5;

type Mode = 'starting' | 'live' | 'recording' | 'saving' | 'done' | 'error';

@customElement('gait-camera')
export class GaitCamera extends LitElement {
  /** Front or rear camera; default rear on phones and tablets, front on laptops. */
  @property() facing: FacingMode = defaultFacingMode();
  /** The live view's pose model, a catalogue key (src/pose/models/catalog.ts); the full analysis uses the app's choice. */
  @property() model: string = LIVE_POSE_MODEL;

  @state() private mode: Mode = 'starting';
  /** Why recording failed (the camera's own errors are the stream controller's). */
  @state() private failure: VideoInputError | null = null;
  @state() private recordedS = 0;

  @query('video') private video!: HTMLVideoElement | null;
  @query('canvas') private canvas!: HTMLCanvasElement | null;

  private readonly camera = new CameraStreamController(this, () => this.video);
  private readonly readout = new LiveReadoutController(this);
  private readonly pose = new LivePoseController(this, (pose) => this.readout.push(pose));
  private readonly recorder = new RecorderController(this, (lag) => this.pose.recorderLag(lag));

  static override styles = [
    sharedStyles,
    css`
      :host { display: block; }
      .layout { display: grid; gap: var(--gait-space-3, 1rem); grid-template-columns: minmax(0, 1fr); }
      @media (min-width: 900px) {
        .layout { grid-template-columns: minmax(0, 1.7fr) minmax(16rem, 1fr); align-items: start; }
      }
      .stage {
        position: relative; width: 100%; max-height: 70vh; margin: 0 auto;
        background: #111; border-radius: var(--gait-radius, 10px); overflow: hidden;
      }
      .stage video, .stage canvas { position: absolute; inset: 0; width: 100%; height: 100%; }
      .stage video { object-fit: contain; background: #111; }
      .stage canvas { pointer-events: none; }
      .badge {
        position: absolute; top: 0.5rem; left: 0.5rem; padding: 0.2rem 0.6rem; border-radius: 999px;
        font-weight: 600; font-size: 0.9rem; color: #fff; background: rgb(0 0 0 / 60%);
      }
      .badge.rec { background: #b42318; }
      .badge.rec::before { content: '● '; }
      .stage-note {
        position: absolute; left: 0; right: 0; bottom: 0; padding: 0.4rem 0.75rem; margin: 0;
        color: #fff; background: rgb(0 0 0 / 55%); font-size: 0.9rem;
      }
      .controls { display: flex; flex-wrap: wrap; gap: var(--gait-space-2, 0.5rem); align-items: end; margin-top: var(--gait-space-3, 1rem); }
      .controls label { display: flex; flex-direction: column; gap: 0.2rem; font-weight: 600; font-size: 0.9rem; flex: 1 1 12rem; }
      select { font: inherit; min-height: 44px; padding: 0.3rem 0.5rem; border: 1px solid var(--gait-border, #d0d7de); border-radius: 8px; background: var(--gait-surface, #fff); color: inherit; max-width: 100%; }
      .record-row { display: flex; gap: var(--gait-space-2, 0.5rem); align-items: center; flex-wrap: wrap; }
      .elapsed { font-variant-numeric: tabular-nums; font-weight: 600; min-width: 3.5rem; }
      .btn.record { color: #fff; background: #b42318; border-color: #b42318; }
      .btn.record:hover { background: #8f1c13; }
      .readout { display: grid; grid-template-columns: 1fr 1fr; gap: var(--gait-space-2, 0.5rem); margin: 0 0 var(--gait-space-3, 1rem); }
      .readout div { background: var(--gait-surface, #fff); border: 1px solid var(--gait-border, #d0d7de); border-radius: 8px; padding: 0.5rem 0.75rem; }
      .readout dt { font-size: 0.8rem; color: var(--gait-muted, #57606a); }
      .readout dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
      .readout .leg { display: block; }
      .phase-stance { color: var(--gait-phase-stance, #2563eb); }
      .phase-swing { color: var(--gait-phase-swing, #059669); }
      ul.checks { list-style: none; margin: 0 0 var(--gait-space-3, 1rem); padding: 0; display: grid; gap: var(--gait-space-2, 0.5rem); }
      ul.checks li { border-left: 4px solid var(--gait-warn, #9a6700); background: var(--gait-warn-soft, #fff8c5); border-radius: 6px; padding: 0.4rem 0.75rem; }
      ul.checks li.blocking { border-left-color: var(--gait-danger, #b42318); background: var(--gait-danger-soft, #fdecea); }
      ul.checks li.ok { border-left-color: var(--gait-ok, #1a7f37); background: var(--gait-ok-soft, #e6f4ea); }
      ul.checks strong { display: block; }
      ul.checks span { font-size: 0.9rem; }
      details.guide summary { cursor: pointer; font-weight: 600; min-height: 44px; display: flex; align-items: center; }
      details.guide ul { margin: 0; padding-left: 1.2rem; }
      details.guide li { margin-bottom: 0.3rem; }
      h2.side-title { font-size: 1.05rem; margin: 0 0 var(--gait-space-2, 0.5rem); }
      .status-line { font-size: 0.85rem; }
      .alert .actions { display: flex; flex-wrap: wrap; gap: var(--gait-space-2, 0.5rem); margin-top: var(--gait-space-3, 1rem); }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    // Also when re-attached after a removal (each controller stops its part in hostDisconnected);
    // the stream controller waits for the first render before it touches the <video>.
    void this.startCamera();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Another live model while live: the pose restarts with it (while recording it waits).
    if (changed.has('model') && changed.get('model') !== undefined && this.mode === 'live' && this.video) this.pose.start(this.video, this.model);
    if (this.canvas) drawPoseOverlay(this.canvas, this.pose.latest);
  }

  private stopAll(): void {
    this.recorder.cancel();
    this.pose.stop();
    this.camera.stop();
  }

  private async startCamera(deviceId?: string): Promise<void> {
    this.stopAll();
    this.mode = 'starting';
    this.failure = null;
    this.readout.reset();
    await this.updateComplete;
    const live = await this.camera.open({ deviceId, facing: this.facing });
    if (!live) {
      if (this.camera.error) this.mode = 'error';
      return;
    }
    this.mode = 'live';
    if (this.video) this.pose.start(this.video, this.model);
  }

  private async onRecord(): Promise<void> {
    const stream = this.camera.stream;
    if (!stream || this.mode !== 'live') return;
    this.mode = 'recording';
    try {
      await this.recorder.start(stream);
      this.pose.yieldToRecorder();
    } catch (error) {
      this.fail(new VideoInputError('no-camera', error instanceof Error ? error.message : String(error), 'Upload a video of the walk instead.'));
    }
  }

  private async onStop(): Promise<void> {
    if (!this.recorder.recording) return;
    this.mode = 'saving';
    // The live view is over: its CPU goes to the recorder's last frames.
    this.pose.stop();
    try {
      const recording = await this.recorder.stop();
      // Free the camera and the CPU for the full analysis that follows.
      this.stopAll();
      this.recordedS = recording.durationS;
      this.mode = 'done';
      this.dispatchEvent(new CustomEvent('recording-complete', { detail: { blob: recording.blob, name: recording.name }, bubbles: true, composed: true }));
    } catch (error) {
      this.fail(new VideoInputError('no-camera', `The recording failed: ${error instanceof Error ? error.message : String(error)}`, 'Try again, or upload a video instead.'));
    }
  }

  /** A recording failure, else the camera's own error. */
  private get shownError(): VideoInputError | null {
    return this.failure ?? this.camera.error;
  }

  private fail(error: VideoInputError): void {
    this.stopAll();
    this.failure = error;
    this.mode = 'error';
  }

  private onCameraChange(event: Event): void {
    const deviceId = (event.target as HTMLSelectElement).value;
    if (deviceId && deviceId !== this.camera.deviceId && !this.recorder.recording) void this.startCamera(deviceId);
  }

  private useUpload(): void {
    this.stopAll();
    this.dispatchEvent(new CustomEvent('use-upload', { bubbles: true, composed: true }));
  }

  override render() {
    return html`<div data-testid="camera">
      ${this.mode === 'error' && this.shownError ? this.renderError(this.shownError) : this.mode === 'done' ? this.renderDone() : this.renderCamera()}
    </div>`;
  }

  private renderDone() {
    return html`<div class="status" role="status">
      <p>Recorded ${formatTime(this.recordedS)} of video. The camera is off; the analysis of the recording starts now.</p>
      <button class="btn" @click=${() => void this.startCamera(this.camera.deviceId || undefined)}>Film again</button>
    </div>`;
  }

  private renderError(error: VideoInputError) {
    return html`<div class="alert" role="alert" data-testid="error" data-error-code=${error.code}>
      <h2>${error.code === 'camera-refused' ? 'The camera was not allowed' : 'No camera could be used'}</h2>
      <p>${error.message}</p>
      ${error.hint ? html`<p>${error.hint}</p>` : nothing}
      <div class="actions">
        <button class="btn primary" data-testid="use-upload" @click=${this.useUpload}>Upload a video instead</button>
        <button class="btn" @click=${() => void this.startCamera()}>Try the camera again</button>
      </div>
    </div>`;
  }

  private renderCamera() {
    const recording = this.mode === 'recording';
    return html`<div class="layout">
      <div>
        <div class="stage" style="aspect-ratio: ${this.camera.aspect}">
          <video playsinline muted autoplay aria-label="Camera view"></video>
          <canvas aria-hidden="true"></canvas>
          ${recording ? html`<span class="badge rec">REC ${formatTime(this.recorder.elapsedS)}</span>` : nothing}
          ${this.stageNote()}
        </div>
        <div class="controls">
          <label>
            Camera
            <select data-testid="camera-select" @change=${this.onCameraChange} ?disabled=${recording || this.camera.cameras.length === 0}>
              ${this.camera.cameras.length === 0 ? html`<option value="">Default camera</option>` : nothing}
              ${this.camera.cameras.map(
                (camera) => html`<option value=${camera.deviceId} ?selected=${camera.deviceId === this.camera.deviceId}>${camera.label}</option>`,
              )}
            </select>
          </label>
          <div class="record-row">
            ${recording || this.mode === 'saving'
              ? html`<button class="btn primary" data-testid="stop" @click=${this.onStop} ?disabled=${this.mode === 'saving'}>■ Stop</button>
                  <span class="elapsed" role="timer" aria-live="off">${formatTime(this.recorder.elapsedS)}</span>`
              : html`<button class="btn record" data-testid="record" @click=${this.onRecord} ?disabled=${this.mode !== 'live'}>● Record</button>`}
          </div>
        </div>
        ${recording && this.recorder.elapsedS < SHORT_RECORDING_S
          ? html`<p class="muted small-text">Keep walking: record at least ${SHORT_RECORDING_S} s (4-6 steps or more).</p>`
          : nothing}
      </div>
      <div>${this.renderLive()} ${this.renderGuide()}</div>
    </div>`;
  }

  private stageNote() {
    if (this.mode === 'starting') return html`<p class="stage-note">Starting the camera…</p>`;
    if (this.mode === 'saving') return html`<p class="stage-note">Saving the recording…</p>`;
    if (this.pose.status.state === 'loading') return html`<p class="stage-note">Loading the pose model…</p>`;
    return nothing;
  }

  private renderLive() {
    const gait = this.readout.gait;
    const phaseOf = (side: 'left' | 'right') => {
      const phase = gait?.phase[side] ?? null;
      return phase ? html`<span class="phase-${phase}">${phase}</span>` : html`<span class="muted">–</span>`;
    };
    const live = this.mode === 'live' || this.mode === 'recording';
    return html`
      <h2 class="side-title">Live check</h2>
      <dl class="readout" aria-live="off">
        <div>
          <dt>Phase now (approx.)</dt>
          <dd data-testid="live-phase"><span class="leg">Left: ${phaseOf('left')}</span> <span class="leg">Right: ${phaseOf('right')}</span></dd>
        </div>
        <div>
          <dt>Cadence (approx.)</dt>
          <dd data-testid="live-cadence">${gait?.cadence != null ? `${Math.round(gait.cadence)} steps/min` : '– steps/min'}</dd>
        </div>
      </dl>
      <ul class="checks" data-testid="camera-checks" aria-live="polite" aria-label="Set-up checks">
        ${!live || this.pose.status.state !== 'ready' || !this.readout.seen
          ? html`<li class="muted">${this.pose.status.state === 'error' ? `Live check unavailable: ${this.pose.status.message}` : 'Waiting for the camera and the pose model…'}</li>`
          : this.readout.checks.length === 0
            ? html`<li class="ok"><strong>Set-up looks good.</strong><span>Walk across the picture at your usual pace.</span></li>`
            : this.readout.checks.map(
                (c) => html`<li class=${c.severity} data-testid="camera-check" data-check-id=${c.id}><strong>${c.message}</strong><span>${c.hint}</span></li>`,
              )}
      </ul>
      ${this.pose.status.state === 'ready'
        ? html`<p class="muted status-line">Live pose: ${this.pose.status.model} on ${this.pose.status.backend}${this.pose.fps ? `, ${this.pose.fps.toFixed(0)} frames/s` : ''}. The full analysis runs after you stop.</p>`
        : nothing}
    `;
  }

  private renderGuide() {
    return html`<details class="guide" open>
      <summary>How to film</summary>
      <ul>
        <li><strong>Side view:</strong> walk across the picture, left to right or right to left (or on a treadmill turned side-on).</li>
        <li><strong>Whole body in frame</strong>, head to feet, with some room above and below.</li>
        <li><strong>3-4 m away</strong>, camera at hip height and held still (lean it on something).</li>
        <li><strong>Good light</strong>, not against a bright window; fitted clothes help.</li>
        <li>Record <strong>at least 4-6 steps</strong> at your usual pace; walking back and forth is fine.</li>
      </ul>
    </details>`;
  }
}

function formatTime(seconds: number): string {
  const s = Math.floor(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'gait-camera': GaitCamera;
  }
}
