/**
 * <gait-camera>: film a walk with this device's camera.
 *
 * Shows the camera with a live MoveNet skeleton over it, the set-up guide, live checks of what is
 * wrong with the set-up (src/capture/liveChecks.ts), each leg's current phase and the cadence
 * (src/capture/liveGait.ts), and record / stop. On stop it fires
 *   CustomEvent('recording-complete', { detail: { blob, name }, bubbles, composed })
 * and the shell runs the same full analysis as for an upload. A refused or missing camera shows
 * the message with a button that fires CustomEvent('use-upload', { bubbles, composed }).
 * Camera, recorder and pose worker are stopped when the element leaves the page.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { PoseFrame } from '../../core/format/poseTrack';
import { activeDeviceId, cameraError, defaultFacingMode, listCameras, openCamera, stopStream, type CameraDevice, type FacingMode } from '../../capture/camera';
import { liveChecks, type LiveCheck } from '../../capture/liveChecks';
import { LiveGaitEstimator, type LiveGaitState } from '../../capture/liveGait';
import { LivePoseLoop, type LivePose, type LivePoseStatus } from '../../capture/livePose';
import { createRecorder } from '../../capture/recorder';
import { VideoInputError } from '../../contracts';
import { drawSkeleton } from '../results/skeleton';
import { sharedStyles } from '../styles/shared';

/** Seconds of keypoints kept for the not-moving check. */
const RECENT_S = 3;
/** A problem is shown while it was found in at least half of the last this many frames (no flicker). */
const CHECK_VOTES = 6;
/** While recording, the live pose may keep the CPU busy only this share of the time (see LivePoseLoop). */
const RECORDING_POSE_SHARE = 0.5;
/** The overlay is cleared when the latest pose is older than this (seconds). */
const STALE_POSE_S = 0.6;
/** Under this a recording is too short for an analysis (4-6 steps needed). */
const SHORT_RECORDING_S = 5;

type Mode = 'starting' | 'live' | 'recording' | 'saving' | 'done' | 'error';

@customElement('gait-camera')
export class GaitCamera extends LitElement {
  /** Front or rear camera; default rear on phones and tablets, front on laptops. */
  @property() facing: FacingMode = defaultFacingMode();

  @state() private mode: Mode = 'starting';
  @state() private error: VideoInputError | null = null;
  @state() private cameras: CameraDevice[] = [];
  @state() private deviceId = '';
  @state() private checks: LiveCheck[] = [];
  @state() private gait: LiveGaitState | null = null;
  @state() private poseStatus: LivePoseStatus = { state: 'loading' };
  @state() private poseFps = 0;
  @state() private elapsedS = 0;
  @state() private aspect = 16 / 9;
  @state() private recordedS = 0;

  @query('video') private video!: HTMLVideoElement;
  @query('canvas') private canvas!: HTMLCanvasElement;

  private stream: MediaStream | null = null;
  private loop: LivePoseLoop | null = null;
  private recorder = createRecorder();
  private gaitEstimator = new LiveGaitEstimator();
  private recent: PoseFrame[] = [];
  private checkHistory: LiveCheck[][] = [];
  private lastPose: LivePose | null = null;
  private poseTimes: number[] = [];
  private timer: number | undefined;
  /** Bumped by every (re)start, so a slow getUserMedia from an earlier start is discarded. */
  private generation = 0;

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
    // Also when re-attached after a removal (which stopped everything); startCamera waits for the
    // first render before it touches the <video>.
    void this.startCamera();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopAll();
  }

  private stopAll(): void {
    this.generation++;
    this.recorder.cancel();
    this.loop?.stop();
    this.loop = null;
    stopStream(this.stream);
    this.stream = null;
    if (this.video) this.video.srcObject = null;
    window.clearInterval(this.timer);
    this.timer = undefined;
    this.clearOverlay();
  }

  private async startCamera(deviceId?: string): Promise<void> {
    this.stopAll();
    const generation = this.generation;
    this.mode = 'starting';
    this.error = null;
    this.resetLive();
    await this.updateComplete;
    if (generation !== this.generation) return;
    let stream: MediaStream;
    try {
      stream = await openCamera(deviceId ? { deviceId, facing: this.facing } : { facing: this.facing });
    } catch (error) {
      if (generation !== this.generation) return;
      this.error = cameraError(error);
      this.mode = 'error';
      return;
    }
    if (generation !== this.generation || !this.isConnected) {
      stopStream(stream);
      return;
    }
    this.stream = stream;
    await this.updateComplete;
    const video = this.video;
    video.srcObject = stream;
    video.onloadedmetadata = () => {
      if (video.videoWidth && video.videoHeight) this.aspect = video.videoWidth / video.videoHeight;
    };
    try {
      await video.play();
    } catch {
      // Autoplay of a muted inline video is allowed everywhere we target; if not, the user's next
      // click (Record) plays it.
    }
    this.mode = 'live';
    // Labels are only filled in once permission was given, so list the cameras now.
    this.cameras = await listCameras().catch(() => []);
    this.deviceId = activeDeviceId(stream) ?? '';
    this.loop = new LivePoseLoop(
      video,
      (pose) => this.onPose(pose),
      (status) => (this.poseStatus = status),
    );
    this.loop.start();
    this.timer = window.setInterval(() => this.tick(), 250);
  }

  private resetLive(): void {
    this.gaitEstimator.reset();
    this.recent = [];
    this.checkHistory = [];
    this.checks = [];
    this.gait = null;
    this.lastPose = null;
    this.poseTimes = [];
    this.elapsedS = 0;
    this.clearOverlay();
  }

  private onPose(pose: LivePose): void {
    this.lastPose = pose;
    const frame: PoseFrame = { t: pose.t, keypoints: pose.keypoints };
    this.recent.push(frame);
    while (this.recent.length && this.recent[0].t < pose.t - RECENT_S) this.recent.shift();
    this.gait = this.gaitEstimator.push(frame);
    const found = liveChecks({ keypoints: pose.keypoints, width: pose.width, height: pose.height, meanLuma: pose.meanLuma, recent: this.recent });
    this.checks = this.vote(found);
    this.poseTimes.push(pose.t);
    while (this.poseTimes.length > 1 && this.poseTimes[0] < pose.t - 2) this.poseTimes.shift();
    this.poseFps = this.poseTimes.length > 1 ? (this.poseTimes.length - 1) / (pose.t - this.poseTimes[0]) : 0;
    this.drawOverlay();
  }

  /** The problems found in at least half of the last CHECK_VOTES frames, so the list does not flicker. */
  private vote(found: LiveCheck[]): LiveCheck[] {
    this.checkHistory.push(found);
    if (this.checkHistory.length > CHECK_VOTES) this.checkHistory.shift();
    const counts = new Map<string, number>();
    for (const frameChecks of this.checkHistory) for (const c of frameChecks) counts.set(c.id, (counts.get(c.id) ?? 0) + 1);
    const shown = new Map<string, LiveCheck>();
    for (const frameChecks of [...this.checkHistory].reverse()) {
      for (const c of frameChecks) if (!shown.has(c.id) && (counts.get(c.id) ?? 0) * 2 >= this.checkHistory.length) shown.set(c.id, c);
    }
    const order = (c: LiveCheck) => (c.severity === 'blocking' ? 0 : 1);
    return [...shown.values()].sort((a, b) => order(a) - order(b));
  }

  private tick(): void {
    if (this.recorder.recording) this.elapsedS = this.recorder.elapsedS;
    // A skeleton from over half a second ago is in the wrong place: better none (pose worker stalled).
    const nowS = this.loop?.clockS() ?? 0;
    if (this.lastPose && nowS - this.lastPose.t > STALE_POSE_S) this.clearOverlay();
  }

  private clearOverlay(): void {
    const canvas = this.canvas;
    canvas?.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
  }

  private drawOverlay(): void {
    const canvas = this.canvas;
    const pose = this.lastPose;
    if (!canvas || !pose) return;
    const ratio = window.devicePixelRatio || 1;
    const width = Math.round(canvas.clientWidth * ratio);
    const height = Math.round(canvas.clientHeight * ratio);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx || !width || !height) return;
    ctx.clearRect(0, 0, width, height);
    // The video is drawn with object-fit: contain: the same fit for the keypoints.
    const scale = Math.min(width / pose.width, height / pose.height);
    const view = { scale, offsetX: (width - pose.width * scale) / 2, offsetY: (height - pose.height * scale) / 2 };
    drawSkeleton(ctx, { t: pose.t, keypoints: pose.keypoints }, view, Math.max(2, 4 * ratio * Math.min(1, width / (800 * ratio)) + 1));
  }

  private async onRecord(): Promise<void> {
    if (!this.stream) return;
    try {
      await this.recorder.start(this.stream);
      this.loop?.setDutyCycle(RECORDING_POSE_SHARE);
      this.elapsedS = 0;
      this.mode = 'recording';
    } catch (error) {
      this.error = new VideoInputError('no-camera', error instanceof Error ? error.message : String(error), 'Upload a video of the walk instead.');
      this.mode = 'error';
    }
  }

  private async onStop(): Promise<void> {
    if (!this.recorder.recording) return;
    this.mode = 'saving';
    try {
      const recording = await this.recorder.stop();
      // Free the camera and the CPU for the full analysis that follows.
      this.stopAll();
      const blob = recording.blob;
      this.recordedS = recording.durationS;
      this.mode = 'done';
      this.dispatchEvent(new CustomEvent('recording-complete', { detail: { blob, name: recording.name }, bubbles: true, composed: true }));
    } catch (error) {
      this.error = new VideoInputError('no-camera', `The recording failed: ${error instanceof Error ? error.message : String(error)}`, 'Try again, or upload a video instead.');
      this.mode = 'error';
    }
  }

  private onCameraChange(event: Event): void {
    const deviceId = (event.target as HTMLSelectElement).value;
    if (deviceId && deviceId !== this.deviceId && !this.recorder.recording) void this.startCamera(deviceId);
  }

  private useUpload(): void {
    this.stopAll();
    this.dispatchEvent(new CustomEvent('use-upload', { bubbles: true, composed: true }));
  }

  override render() {
    return html`<div data-testid="camera">
      ${this.mode === 'error' && this.error ? this.renderError(this.error) : this.mode === 'done' ? this.renderDone() : this.renderCamera()}
    </div>`;
  }

  private renderDone() {
    return html`<div class="status" role="status">
      <p>Recorded ${formatTime(this.recordedS)} of video. The camera is off; the analysis of the recording starts now.</p>
      <button class="btn" @click=${() => void this.startCamera(this.deviceId || undefined)}>Film again</button>
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
        <div class="stage" style="aspect-ratio: ${this.aspect}">
          <video playsinline muted autoplay aria-label="Camera view"></video>
          <canvas aria-hidden="true"></canvas>
          ${recording ? html`<span class="badge rec">REC ${formatTime(this.elapsedS)}</span>` : nothing}
          ${this.stageNote()}
        </div>
        <div class="controls">
          <label>
            Camera
            <select data-testid="camera-select" @change=${this.onCameraChange} ?disabled=${recording || this.cameras.length === 0}>
              ${this.cameras.length === 0 ? html`<option value="">Default camera</option>` : nothing}
              ${this.cameras.map(
                (camera) => html`<option value=${camera.deviceId} ?selected=${camera.deviceId === this.deviceId}>${camera.label}</option>`,
              )}
            </select>
          </label>
          <div class="record-row">
            ${recording || this.mode === 'saving'
              ? html`<button class="btn primary" data-testid="stop" @click=${this.onStop} ?disabled=${this.mode === 'saving'}>■ Stop</button>
                  <span class="elapsed" role="timer" aria-live="off">${formatTime(this.elapsedS)}</span>`
              : html`<button class="btn record" data-testid="record" @click=${this.onRecord} ?disabled=${this.mode !== 'live'}>● Record</button>`}
          </div>
        </div>
        ${recording && this.elapsedS < SHORT_RECORDING_S
          ? html`<p class="muted small-text">Keep walking: record at least ${SHORT_RECORDING_S} s (4-6 steps or more).</p>`
          : nothing}
      </div>
      <div>${this.renderLive()} ${this.renderGuide()}</div>
    </div>`;
  }

  private stageNote() {
    if (this.mode === 'starting') return html`<p class="stage-note">Starting the camera…</p>`;
    if (this.mode === 'saving') return html`<p class="stage-note">Saving the recording…</p>`;
    if (this.poseStatus.state === 'loading') return html`<p class="stage-note">Loading the pose model…</p>`;
    return nothing;
  }

  private renderLive() {
    const gait = this.gait;
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
        ${!live || this.poseStatus.state !== 'ready' || !this.lastPose
          ? html`<li class="muted">${this.poseStatus.state === 'error' ? `Live check unavailable: ${this.poseStatus.message}` : 'Waiting for the camera and the pose model…'}</li>`
          : this.checks.length === 0
            ? html`<li class="ok"><strong>Set-up looks good.</strong><span>Walk across the picture at your usual pace.</span></li>`
            : this.checks.map(
                (c) => html`<li class=${c.severity} data-testid="camera-check" data-check-id=${c.id}><strong>${c.message}</strong><span>${c.hint}</span></li>`,
              )}
      </ul>
      ${this.poseStatus.state === 'ready'
        ? html`<p class="muted status-line">Live pose: MoveNet Lightning on ${this.poseStatus.backend}${this.poseFps ? `, ${this.poseFps.toFixed(0)} frames/s` : ''}. The full analysis runs after you stop.</p>`
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
