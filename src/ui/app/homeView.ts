import { LitElement, html, css } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sharedStyles } from '../styles/shared';
import { DEFAULT_MODEL, TRACKING_MODELS } from '../../pose/models/catalog';
import './modelGuide';

/** A tracking model's catalogue key (src/pose/models/catalog.ts). */
export type ModelChoice = string;

/** A file chosen or dropped: a video to analyse or a pose track to open. */
export interface ChosenFile {
  file: File;
  kind: 'video' | 'track';
}

function fileKind(file: File): 'video' | 'track' {
  return /\.json$/i.test(file.name) || file.type === 'application/json' ? 'track' : 'video';
}

/**
 * The first page: the three ways in (film, upload, demo), opening a pose track, the model choice
 * and the privacy statement. Fires `film`, `start-demo`, `choose-file` ({file, kind}) and
 * `model-change` ({model}).
 */
@customElement('gait-home')
export class GaitHome extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .lead { font-size: 1.08rem; max-width: 46rem; }
      .ways { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: var(--gait-space-3); margin: var(--gait-space-4) 0; }
      .way { display: flex; flex-direction: column; gap: var(--gait-space-2); }
      .way h2 { margin: 0; font-size: 1.15rem; }
      .way p { flex: 1; margin: 0; }
      .way .btn { align-self: flex-start; }
      .drop { border: 2px dashed var(--gait-border); }
      .drop.over { border-color: var(--gait-accent); background: var(--gait-accent-soft); }
      .more { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: var(--gait-space-3); }
      .more h2 { font-size: 1.1rem; }
      .field { display: flex; flex-direction: column; gap: var(--gait-space-1); margin-bottom: var(--gait-space-3); }
      .field select { width: 100%; max-width: 22rem; }
      label.file { display: inline-flex; position: relative; align-self: flex-start; }
      .privacy { margin-top: var(--gait-space-4); border-left: 4px solid var(--gait-ok); }
      .privacy h2 { font-size: 1.1rem; }
      .privacy ul, .tips ul { margin: 0; padding-left: 1.2rem; }
      @media (max-width: 760px) {
        .ways, .more { grid-template-columns: 1fr; }
        .card { padding: var(--gait-space-3); }
      }
    `,
  ];

  @property() model: ModelChoice = DEFAULT_MODEL;
  /** False while the demo or a video pipeline is missing from this build (buttons stay but say so). */
  @property({ type: Boolean }) demoAvailable = true;
  @state() private dragOver = false;

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  /** Moves focus to the upload control (after the camera failed and the user chose to upload). */
  focusUpload(): void {
    this.renderRoot.querySelector<HTMLInputElement>('[data-testid="upload-input"]')?.focus();
  }

  private emit(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private onFileInput(e: Event, kind: 'video' | 'track'): void {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    // Clear the input so choosing the same file again still fires `change`.
    input.value = '';
    if (file) this.emit('choose-file', { file, kind } satisfies ChosenFile);
  }

  private onDragOver(e: DragEvent): void {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    this.dragOver = true;
  }

  private onDrop(e: DragEvent): void {
    e.preventDefault();
    this.dragOver = false;
    const file = e.dataTransfer?.files[0];
    if (file) this.emit('choose-file', { file, kind: fileKind(file) } satisfies ChosenFile);
  }

  override render() {
    return html`
      <section aria-labelledby="home-title" @dragover=${this.onDragOver} @dragleave=${() => (this.dragOver = false)} @drop=${this.onDrop}>
        <h1 id="home-title" tabindex="-1">Analyse a walk</h1>
        <p class="lead">
          Film or upload a video of someone walking, seen from the side. The app finds the joints in every frame, times each step, and
          compares hip and knee angles (and, with a model that sees the feet, the ankle) in each phase of the gait cycle with healthy reference ranges, with cues and exercises for what it
          finds.
        </p>

        <div class="ways">
          <div class="card way">
            <h2>Film a walk</h2>
            <p>Use this device's camera, with a live check of the set-up. Walk across the view for 5 seconds or more.</p>
            <button class="btn primary" data-testid="film" @click=${() => this.emit('film')}>Film a walk</button>
          </div>
          <div class="card way drop ${this.dragOver ? 'over' : ''}">
            <h2>Upload a video</h2>
            <p>MP4, WebM or MOV from a phone or camera. You can also drop a file here.</p>
            <label class="file btn primary">
              Choose a video
              <input
                class="visually-hidden"
                type="file"
                accept="video/*,.mp4,.m4v,.mov,.webm,.mkv"
                data-testid="upload-input"
                @change=${(e: Event) => this.onFileInput(e, 'video')}
              />
            </label>
          </div>
          <div class="card way">
            <h2>Try the demo</h2>
            <p>No camera needed: analyse a short example walk that comes with the app.</p>
            <button class="btn" data-testid="demo" ?disabled=${!this.demoAvailable} @click=${() => this.emit('start-demo')}>Try the demo</button>
          </div>
        </div>

        <div class="more">
          <div class="card">
            <h2>Options</h2>
            <div class="field">
              <label for="model">Pose model</label>
              <select
                id="model"
                data-testid="model-select"
                .value=${this.model}
                @change=${(e: Event) => this.emit('model-change', { model: (e.target as HTMLSelectElement).value as ModelChoice })}
              >
                ${TRACKING_MODELS.map(
                  (m) => html`<option value=${m.key} ?selected=${this.model === m.key}>${m.label}${m.key === DEFAULT_MODEL ? ' (default)' : ''}</option>`,
                )}
              </select>
              <gait-model-guide .model=${this.model}></gait-model-guide>
            </div>
            <div class="field">
              <span id="track-label"><strong>Open a pose track</strong></span>
              <span class="muted small-text">A gait pose track (JSON) exported from this app or the command line: analysed again without the video.</span>
              <label class="file btn small" aria-describedby="track-label">
                Open a pose track
                <input
                  class="visually-hidden"
                  type="file"
                  accept="application/json,.json"
                  data-testid="track-input"
                  @change=${(e: Event) => this.onFileInput(e, 'track')}
                />
              </label>
            </div>
          </div>
          <div class="card tips">
            <h2>For a good recording</h2>
            <ul>
              <li>Camera at hip height, 3-4 m to the side of the walking line, held still.</li>
              <li>The whole body in the picture, feet included, in good light.</li>
              <li>Walk at your usual pace straight across the view, at least 5 seconds (or on a treadmill, filmed from the side).</li>
              <li>Fitted clothes that contrast with the background show the knees and hips best.</li>
            </ul>
          </div>
        </div>

        <div class="card privacy" data-testid="privacy">
          <h2>Private by design</h2>
          <ul>
            <li>Your video never leaves this device: everything is analysed here, in the browser. Nothing is uploaded.</li>
            <li>No account, no sign-in, no tracking.</li>
            <li>Works offline after the first visit. Saved sessions stay in this browser's storage until you delete them.</li>
            <li>This is not a diagnosis. For pain or a marked limp, see a physiotherapist.</li>
          </ul>
        </div>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gait-home': GaitHome;
  }
}
