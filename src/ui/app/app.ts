import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { sharedStyles } from '../styles/shared';
import { analyzeTrack } from '../../core/analyze';
import { parsePoseTrack } from '../../core/format/validatePoseTrack';
import type { GaitPoseTrack } from '../../core/format/poseTrack';
import type { GaitReport } from '../../core/format/report';
import type { PersonCandidate } from '../../contracts';
import { getSession, saveSession, updateNote, MAX_STORED_VIDEO_BYTES } from '../history/store';
import { parseRoute, routeHash, type Route } from './router';
import { describeError, isCancelled, TrackFileError, type UserError } from './describeError';
import { demoVideoUrl, loadCameraElement, loadProcessVideo, loadResultsElement } from './optional';
import type { ChosenFile, ModelChoice } from './homeView';
import type { ProcessingProgress } from './processingView';
import { formatDate, keyNumbersList, numbersStyles } from './historyView';
import { keyNumbers } from '../history/sessionSummary';
import './homeView';
import './processingView';
import './personPicker';
import './errorView';
import './historyView';
import './compareView';

/** What is being analysed; kept after a failure so the user can retry without choosing it again. */
type AnalysisInput =
  | { kind: 'video'; file: Blob; name: string; sourceKind: 'video' | 'webcam' }
  | { kind: 'track'; track: GaitPoseTrack; name: string };

interface Analysis {
  input: AnalysisInput | null;
  sourceName: string;
  report: GaitReport;
  track: GaitPoseTrack;
  videoBlob: Blob | null;
  videoUrl: string | null;
  people: PersonCandidate[];
  personId: number | null;
  /** Things the video pipeline wants shown beside the result (e.g. a file analysed in part). */
  warnings: string[];
  /** Set once saved (or when reopened from the history). */
  savedId: string | null;
  savedAt: number | null;
  note: string;
}

type Job =
  | { phase: 'idle' }
  | { phase: 'processing'; input: AnalysisInput; model: ModelChoice; progress: ProcessingProgress | null }
  | { phase: 'results'; analysis: Analysis }
  | { phase: 'error'; error: UserError; input: AnalysisInput | null; model: ModelChoice; people: PersonCandidate[]; personId: number | null; videoUrl: string | null };

const MODEL_KEY = 'gait-model';
/** How long the save confirmation toast stays up (it also goes on navigation). */
const SAVE_STATUS_MS = 4_000;

function storedModel(): ModelChoice {
  try {
    return localStorage.getItem(MODEL_KEY) === 'thunder' ? 'thunder' : 'lightning';
  } catch {
    return 'lightning';
  }
}

/** Views that can take focus on navigation (their heading). */
interface Focusable extends HTMLElement {
  focusHeading(): void;
  updateComplete?: Promise<unknown>;
}

/**
 * The app shell: header and navigation, hash routing (Back works, focus goes to each new view's
 * heading), and the flow: a video, the demo or a pose track in -> processing -> analysis ->
 * results (with a person choice when several people were found) or a specific error; saving to
 * and reopening from the history.
 */
@customElement('gait-app')
export class GaitApp extends LitElement {
  static override styles = [
    sharedStyles,
    numbersStyles,
    css`
      :host { min-height: 100vh; display: flex; flex-direction: column; }
      .skip { position: absolute; left: -999px; top: 0; z-index: 10; padding: var(--gait-space-2) var(--gait-space-3); background: var(--gait-surface); }
      .skip:focus { left: var(--gait-space-2); top: var(--gait-space-2); }
      header { background: var(--gait-surface); border-bottom: 1px solid var(--gait-border); }
      .bar { max-width: var(--gait-max-width); margin: 0 auto; padding: var(--gait-space-2) var(--gait-space-3); display: flex; align-items: center; justify-content: space-between; gap: var(--gait-space-3); flex-wrap: wrap; }
      .brand { display: inline-flex; align-items: center; gap: var(--gait-space-2); font-weight: 800; font-size: 1.15rem; color: var(--gait-fg); text-decoration: none; min-height: 44px; }
      .brand svg { width: 28px; height: 28px; }
      nav ul { display: flex; gap: var(--gait-space-1); list-style: none; margin: 0; padding: 0; }
      nav a { display: inline-flex; align-items: center; min-height: 44px; padding: 0 var(--gait-space-3); border-radius: 8px; color: var(--gait-fg); font-weight: 600; text-decoration: none; }
      nav a:hover { background: var(--gait-accent-soft); }
      nav a[aria-current='page'] { color: var(--gait-accent); box-shadow: inset 0 -3px 0 var(--gait-accent); border-radius: 8px 8px 0 0; }
      main { flex: 1; width: 100%; max-width: var(--gait-max-width); margin: 0 auto; padding: var(--gait-space-4) var(--gait-space-3) var(--gait-space-5); }
      main:focus { outline: none; }
      footer { border-top: 1px solid var(--gait-border); background: var(--gait-surface); }
      footer p { max-width: var(--gait-max-width); margin: 0 auto; padding: var(--gait-space-3); font-size: 0.88rem; color: var(--gait-muted); }
      .stack { display: flex; flex-direction: column; gap: var(--gait-space-3); }
      .results-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: var(--gait-space-2); }
      .results-head h1 { margin: 0; }
      .save { display: flex; flex-wrap: wrap; align-items: flex-end; gap: var(--gait-space-2) var(--gait-space-3); padding: var(--gait-space-3); }
      .save .field { display: flex; flex-direction: column; gap: var(--gait-space-1); flex: 1 1 18rem; }
      .save input { width: 100%; }
      .placeholder { border-style: dashed; }
      .toast {
        position: fixed; left: 50%; bottom: var(--gait-space-3); transform: translateX(-50%); z-index: 20;
        width: max-content; max-width: calc(100vw - 2rem);
      }
      .toast.shown {
        display: flex; gap: var(--gait-space-2); align-items: baseline; padding: var(--gait-space-2) var(--gait-space-3);
        color: #fff; background: #1f2a37; border-radius: var(--gait-radius); box-shadow: 0 4px 16px rgb(0 0 0 / 25%);
      }
      .toast a, .toast .link-btn { color: #cfe3ff; }
      .film-head { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: var(--gait-space-2); }
      @media (max-width: 520px) {
        .bar { padding: var(--gait-space-1) var(--gait-space-2); gap: var(--gait-space-1); }
        .brand { font-size: 1rem; gap: var(--gait-space-1); }
        .brand svg { width: 24px; height: 24px; }
        nav a { padding: 0 var(--gait-space-2); font-size: 0.95rem; }
        main { padding: var(--gait-space-3) var(--gait-space-2) var(--gait-space-4); }
      }
      @media print {
        header, footer, .skip, .save, .toast, gait-person-picker { display: none !important; }
        :host { min-height: 0; }
        main { padding: 0; max-width: none; }
        .stack { gap: var(--gait-space-2); }
        .results-head h1 { font-size: 14pt; outline: none; }
      }
    `,
  ];

  @state() private route: Route = parseRoute(location.hash);
  @state() private job: Job = { phase: 'idle' };
  @state() private model: ModelChoice = storedModel();
  @state() private resultsReady: boolean | null = null;
  @state() private cameraReady: boolean | null = null;
  @state() private demoAvailable = true;
  /** Confirmation (or failure) of the last save, shown in a toast. */
  @state() private saveStatus = '';
  @state() private saveStatusLink = false;
  private saveStatusTimer: ReturnType<typeof setTimeout> | undefined;
  @state() private note = '';
  /** A saved session being opened from the history (#/session/<id>). */
  @state() private sessionLoading = false;
  @state() private sessionError: UserError | null = null;

  private abort: AbortController | null = null;
  private focusOnUpdate = false;
  /** After "Upload a video instead": focus the home view's upload control rather than its heading. */
  private focusUploadOnHome = false;
  private readonly onHashChange = () => this.navigateTo(parseRoute(location.hash));

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    void demoVideoUrl().then((url) => (this.demoAvailable = url !== null));
    this.applyRoute(this.route);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHashChange);
    super.disconnectedCallback();
  }

  // ---- routing ---------------------------------------------------------------------------------

  private go(route: Route, { replace = false } = {}): void {
    const hash = routeHash(route);
    if (location.hash === hash || (hash === '#/' && location.hash === '')) {
      this.navigateTo(route);
      return;
    }
    if (replace) {
      history.replaceState(null, '', hash);
      this.navigateTo(route);
    } else location.hash = hash; // hashchange -> navigateTo
  }

  private navigateTo(route: Route): void {
    const leaving = this.route;
    // Leaving the processing view (Back button) stops the work.
    if (leaving.name === 'analysis' && route.name !== 'analysis' && this.job.phase === 'processing') this.abort?.abort();
    // A save confirmation belongs to the view it was made in; elsewhere it only covers content.
    if (leaving.name !== route.name) this.clearSaveStatus();
    if (route.name !== 'home') this.focusUploadOnHome = false;
    this.route = route;
    this.focusOnUpdate = true;
    this.applyRoute(route);
  }

  private applyRoute(route: Route): void {
    if (route.name === 'analysis' && this.job.phase === 'idle') {
      // Nothing to show (a reload, or Forward after a finished job): back to the start.
      history.replaceState(null, '', '#/');
      this.route = { name: 'home' };
    }
    if (route.name === 'session') void this.openSaved(route.id);
    if (route.name === 'film' && this.cameraReady === null) {
      void loadCameraElement()
        .then((ok) => (this.cameraReady = ok))
        .catch(() => (this.cameraReady = false));
    }
    if ((route.name === 'analysis' || route.name === 'session') && this.resultsReady === null) {
      void loadResultsElement()
        .then((ok) => (this.resultsReady = ok))
        .catch(() => (this.resultsReady = false));
    }
  }

  protected override async updated(changed: PropertyValues<this>): Promise<void> {
    super.updated(changed);
    if (!this.focusOnUpdate) return;
    this.focusOnUpdate = false;
    const view = this.renderRoot.querySelector<Focusable>('[data-view]');
    if (!view) return;
    await view.updateComplete;
    if (this.focusUploadOnHome && view.localName === 'gait-home') {
      this.focusUploadOnHome = false;
      (view as unknown as HTMLElementTagNameMap['gait-home']).focusUpload();
      return;
    }
    if (typeof view.focusHeading === 'function') view.focusHeading();
    else view.querySelector<HTMLElement>('h1')?.focus();
    window.scrollTo({ top: 0 });
  }

  /** Focus the current view's heading after the next render (a new phase within a route). */
  private refocus(): void {
    this.focusOnUpdate = true;
    this.requestUpdate();
  }

  // ---- the flow --------------------------------------------------------------------------------

  private releaseResults(): void {
    const url = this.job.phase === 'results' ? this.job.analysis.videoUrl : this.job.phase === 'error' ? this.job.videoUrl : null;
    if (url) URL.revokeObjectURL(url);
  }

  private setModel(model: ModelChoice): void {
    this.model = model;
    try {
      localStorage.setItem(MODEL_KEY, model);
    } catch {
      // Storage may be blocked (private mode): the choice then lasts for this visit.
    }
  }

  private async onChooseFile(chosen: ChosenFile): Promise<void> {
    if (chosen.kind === 'track') {
      await this.openTrackFile(chosen.file);
      return;
    }
    void this.runVideo({ kind: 'video', file: chosen.file, name: chosen.file.name, sourceKind: 'video' }, this.model);
  }

  private async startDemo(): Promise<void> {
    const url = await demoVideoUrl();
    if (!url) {
      this.showError(new Error('the demo walk is missing from this build'), null, this.model);
      return;
    }
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`the demo walk could not be loaded (HTTP ${response.status})`);
      const blob = await response.blob();
      void this.runVideo({ kind: 'video', file: blob, name: 'Demo walk (healthy, left to right)', sourceKind: 'video' }, this.model);
    } catch (error) {
      this.showError(error, null, this.model);
    }
  }

  private async openTrackFile(file: File): Promise<void> {
    let input: AnalysisInput | null = null;
    try {
      const parsed = parsePoseTrack(await file.text());
      if (!parsed.ok) throw new TrackFileError(parsed.error);
      input = { kind: 'track', track: parsed.track, name: file.name };
      this.finish(input, parsed.track, analyzeTrack(parsed.track), { people: [], personId: null, videoBlob: null });
    } catch (error) {
      this.showError(error, input, this.model);
    }
  }

  private async runVideo(input: Extract<AnalysisInput, { kind: 'video' }>, model: ModelChoice, person?: { people: PersonCandidate[]; personId: number }): Promise<void> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.releaseResults();
    this.job = { phase: 'processing', input, model, progress: null };
    this.saveStatus = '';
    this.note = '';
    if (this.route.name !== 'analysis') this.go({ name: 'analysis' });
    else this.refocus();
    try {
      const processVideoFile = await loadProcessVideo();
      const result = await processVideoFile(input.file, input.name, {
        model,
        signal: abort.signal,
        sourceKind: input.sourceKind,
        ...(person ? { people: person.people, personId: person.personId } : {}),
        onProgress: (progress) => {
          if (this.abort === abort && this.job.phase === 'processing') this.job = { ...this.job, progress: { ...progress, backend: progress.backend ?? this.job.progress?.backend } };
        },
      });
      if (this.abort !== abort) return;
      if (this.job.phase === 'processing') this.job = { ...this.job, progress: { stage: 'analysing', framesDone: 1, framesTotal: 1, fps: 0, etaS: 0, backend: result.backend } };
      let report: GaitReport;
      try {
        report = analyzeTrack(result.track);
      } catch (error) {
        // Keep the people found: the walker may simply be the wrong person.
        this.showError(error, input, model, { people: result.people, personId: result.personId });
        return;
      }
      this.finish(input, result.track, report, { people: result.people, personId: result.personId, videoBlob: input.file, warnings: result.warnings ?? [] });
    } catch (error) {
      if (this.abort !== abort) return;
      if (isCancelled(error) || abort.signal.aborted) {
        this.job = { phase: 'idle' };
        if (this.route.name === 'analysis') this.go({ name: 'home' }, { replace: true });
        return;
      }
      this.showError(error, input, model, person ?? null);
    } finally {
      if (this.abort === abort) this.abort = null;
    }
  }

  private finish(
    input: AnalysisInput,
    track: GaitPoseTrack,
    report: GaitReport,
    o: { people: PersonCandidate[]; personId: number | null; videoBlob: Blob | null; warnings?: string[] },
  ): void {
    this.releaseResults();
    this.job = {
      phase: 'results',
      analysis: {
        input,
        sourceName: input.name,
        report,
        track,
        videoBlob: o.videoBlob,
        videoUrl: o.videoBlob ? URL.createObjectURL(o.videoBlob) : null,
        people: o.people,
        personId: o.personId,
        warnings: o.warnings ?? [],
        savedId: null,
        savedAt: null,
        note: '',
      },
    };
    this.saveStatus = '';
    this.note = '';
    if (this.route.name !== 'analysis') this.go({ name: 'analysis' });
    else this.refocus();
  }

  private showError(error: unknown, input: AnalysisInput | null, model: ModelChoice, people: { people: PersonCandidate[]; personId: number | null } | null = null): void {
    this.releaseResults();
    const videoUrl = input?.kind === 'video' && people && people.people.length > 1 ? URL.createObjectURL(input.file) : null;
    this.job = { phase: 'error', error: describeError(error), input, model, people: people?.people ?? [], personId: people?.personId ?? null, videoUrl };
    if (this.route.name !== 'analysis') this.go({ name: 'analysis' });
    else this.refocus();
  }

  private cancel(): void {
    this.abort?.abort();
  }

  private choosePerson(personId: number): void {
    const job = this.job;
    const input = job.phase === 'results' ? job.analysis.input : job.phase === 'error' ? job.input : null;
    const people = job.phase === 'results' ? job.analysis.people : job.phase === 'error' ? job.people : [];
    if (!input || input.kind !== 'video' || people.length === 0) return;
    const model = job.phase === 'error' ? job.model : this.model;
    void this.runVideo(input, model, { people, personId });
  }

  private retry(model: ModelChoice | undefined): void {
    const job = this.job;
    if (job.phase !== 'error' || !job.input) return;
    if (job.input.kind === 'track') {
      this.finishTrackRetry(job.input);
      return;
    }
    if (model) this.setModel(model);
    void this.runVideo(job.input, model ?? job.model, job.people.length && job.personId !== null ? { people: job.people, personId: job.personId } : undefined);
  }

  private finishTrackRetry(input: Extract<AnalysisInput, { kind: 'track' }>): void {
    try {
      this.finish(input, input.track, analyzeTrack(input.track), { people: [], personId: null, videoBlob: null });
    } catch (error) {
      this.showError(error, input, this.model);
    }
  }

  private goHome(): void {
    this.abort?.abort();
    this.go({ name: 'home' });
  }

  // ---- history ---------------------------------------------------------------------------------

  private async openSaved(id: string): Promise<void> {
    this.sessionLoading = true;
    this.sessionError = null;
    try {
      const saved = await getSession(id);
      if (this.route.name !== 'session' || this.route.id !== id) return;
      if (!saved) {
        this.sessionError = { code: 'unexpected', title: 'Session not found', message: 'This session is no longer saved on this device.', hint: 'It may have been deleted, or saved in another browser.' };
        return;
      }
      this.releaseResults();
      this.job = {
        phase: 'results',
        analysis: {
          input: null,
          sourceName: saved.sourceName,
          report: saved.report,
          track: saved.track,
          videoBlob: saved.video,
          videoUrl: saved.video ? URL.createObjectURL(saved.video) : null,
          people: [],
          personId: null,
          warnings: [],
          savedId: saved.id,
          savedAt: saved.createdAt,
          note: saved.note,
        },
      };
      this.note = saved.note;
      this.saveStatus = '';
    } catch (error) {
      this.sessionError = describeError(error);
    } finally {
      this.sessionLoading = false;
      this.refocus();
    }
  }

  private async onSaveSession(e: Event): Promise<void> {
    e.stopPropagation();
    if (this.job.phase !== 'results') return;
    const analysis = this.job.analysis;
    const detailNote = (e as CustomEvent<{ note?: unknown } | undefined>).detail?.note;
    const note = typeof detailNote === 'string' && detailNote.trim() ? detailNote : this.note;
    try {
      if (analysis.savedId) {
        await updateNote(analysis.savedId, note);
        analysis.note = note;
        this.showSaveStatus('Note updated in the history.', true);
        return;
      }
      const meta = await saveSession({ report: analysis.report, track: analysis.track, video: analysis.videoBlob, note, sourceName: analysis.sourceName });
      analysis.savedId = meta.id;
      analysis.savedAt = meta.createdAt;
      analysis.note = meta.note;
      const videoNote =
        analysis.videoBlob && !meta.hasVideo ? ` The video (over ${Math.round(MAX_STORED_VIDEO_BYTES / 1e6)} MB) was not kept; the analysis and pose track were.` : '';
      this.showSaveStatus(`Saved to the history on this device.${videoNote}`, true);
    } catch (error) {
      this.showSaveStatus(`Could not save: ${error instanceof Error ? error.message : String(error)}. The browser may be out of storage or in private mode.`, false);
    }
    this.requestUpdate();
  }

  private showSaveStatus(text: string, linkToHistory: boolean): void {
    this.saveStatus = text;
    this.saveStatusLink = linkToHistory && this.route.name !== 'history';
    clearTimeout(this.saveStatusTimer);
    this.saveStatusTimer = setTimeout(() => (this.saveStatus = ''), SAVE_STATUS_MS);
  }

  private clearSaveStatus(): void {
    clearTimeout(this.saveStatusTimer);
    this.saveStatus = '';
  }

  // ---- rendering -------------------------------------------------------------------------------

  override render() {
    const r = this.route.name;
    const current = (name: string) => (r === name || (name === 'history' && (r === 'compare' || r === 'session')) ? 'page' : undefined);
    return html`
      <a class="skip" href="#main" @click=${(e: Event) => {
        e.preventDefault();
        this.renderRoot.querySelector<HTMLElement>('main')?.focus();
      }}>Skip to content</a>
      <header>
        <div class="bar">
          <a class="brand" href="#/" aria-label="Gait analysis, start">
            <svg viewBox="0 0 32 32" aria-hidden="true"><circle cx="16" cy="6" r="3.5" fill="#0b5cad"/><path d="M16 10 L14 19 L9 28 M14 19 L20 24 L22 30 M15 13 L9 17 M15 13 L21 16" stroke="#0b5cad" stroke-width="3" fill="none" stroke-linecap="round" stroke-linejoin="round"/></svg>
            Gait analysis
          </a>
          <nav aria-label="Main">
            <ul>
              <li><a href="#/" aria-current=${current('home') ?? nothing} data-testid="home-link">New analysis</a></li>
              <li><a href="#/history" aria-current=${current('history') ?? nothing} data-testid="history-link">History</a></li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" tabindex="-1">${this.renderView()}</main>
      <div class="toast ${this.saveStatus ? 'shown' : ''}" role="status" data-testid="save-status">
        ${this.saveStatus
          ? html`<span>${this.saveStatus}</span>${this.saveStatusLink ? html` <a href="#/history">See the history</a>` : nothing}
              <button class="link-btn" aria-label="Dismiss" @click=${() => this.clearSaveStatus()}>✕</button>`
          : nothing}
      </div>
      <footer>
        <p>Runs entirely on this device: videos are never uploaded, there is no account, and it works offline. Not a medical diagnosis.</p>
      </footer>
    `;
  }

  private renderView() {
    switch (this.route.name) {
      case 'home':
        return html`<gait-home
          data-view
          .model=${this.model}
          .demoAvailable=${this.demoAvailable}
          @choose-file=${(e: CustomEvent<ChosenFile>) => this.onChooseFile(e.detail)}
          @start-demo=${() => this.startDemo()}
          @film=${() => this.go({ name: 'film' })}
          @model-change=${(e: CustomEvent<{ model: ModelChoice }>) => this.setModel(e.detail.model)}
        ></gait-home>`;
      case 'film':
        return this.renderFilm();
      case 'analysis':
        return this.renderAnalysis();
      case 'session':
        return this.renderSession();
      case 'history':
        return html`<gait-history data-view></gait-history>`;
      case 'compare':
        return html`<gait-compare data-view .a=${this.route.a} .b=${this.route.b}></gait-compare>`;
    }
  }

  private renderFilm() {
    return html`<section data-view class="stack" aria-labelledby="film-title" .focusHeading=${() => this.renderRoot.querySelector<HTMLElement>('#film-title')?.focus()}>
      <div class="film-head">
        <h1 id="film-title" tabindex="-1">Film a walk</h1>
        <a href="#/">Upload a video instead</a>
      </div>
      ${this.cameraReady === null
        ? html`<p class="muted">Starting the camera view…</p>`
        : this.cameraReady
          ? html`<gait-camera
              @recording-complete=${(e: CustomEvent<{ blob: Blob; name: string }>) =>
                void this.runVideo({ kind: 'video', file: e.detail.blob, name: e.detail.name, sourceKind: 'webcam' }, this.model)}
              @use-upload=${() => this.useUpload()}
            ></gait-camera>`
          : html`<div class="alert" role="alert" data-testid="error">
              <h2>Filming is not available in this build</h2>
              <p>Upload a video of the walk instead.</p>
              <a class="btn" href="#/">Upload a video</a>
            </div>`}
    </section>`;
  }

  /**
   * The camera's "Upload a video instead". Navigation is asynchronous (hashchange, then a render), so
   * the focus is moved by updated() once the home view is rendered, instead of its heading.
   */
  private useUpload(): void {
    this.focusUploadOnHome = true;
    this.go({ name: 'home' });
  }

  private renderAnalysis() {
    const job = this.job;
    switch (job.phase) {
      case 'idle':
        return nothing;
      case 'processing':
        return html`<gait-processing
          data-view
          .progress=${job.progress}
          .fileName=${job.input.name}
          .model=${job.model}
          @cancel=${() => this.cancel()}
        ></gait-processing>`;
      case 'error': {
        const retryModel = job.input?.kind === 'video' && job.model === 'lightning' && job.error.code !== 'cancelled' && isModelFixable(job.error.code) ? 'thunder' : null;
        return html`<div class="stack">
          <gait-error
            data-view
            .error=${job.error}
            .fileName=${job.input?.name ?? ''}
            .retryModel=${retryModel}
            .canRetry=${job.input?.kind === 'video' && job.error.code === 'unexpected'}
            @retry=${(e: CustomEvent<{ model?: ModelChoice }>) => this.retry(e.detail.model)}
            @go-home=${() => this.goHome()}
          ></gait-error>
          ${job.people.length > 1
            ? html`<gait-person-picker
                context="error"
                .people=${job.people}
                .personId=${job.personId}
                .videoUrl=${job.videoUrl}
                @choose-person=${(e: CustomEvent<{ personId: number }>) => this.choosePerson(e.detail.personId)}
              ></gait-person-picker>`
            : nothing}
        </div>`;
      }
      case 'results':
        return this.renderResults(job.analysis, 'Results');
    }
  }

  private renderSession() {
    if (this.sessionError) {
      return html`<gait-error data-view .error=${this.sessionError} @go-home=${() => this.go({ name: 'history' })}></gait-error>`;
    }
    if (this.sessionLoading || this.job.phase !== 'results' || this.job.analysis.savedId === null) return html`<p class="muted" role="status">Opening the session…</p>`;
    const a = this.job.analysis;
    return this.renderResults(a, `Saved session, ${formatDate(a.savedAt ?? Date.now())}`);
  }

  private renderResults(a: Analysis, title: string) {
    return html`<div class="stack" @save-session=${(e: Event) => this.onSaveSession(e)}>
      <div class="results-head" data-view .focusHeading=${() => this.renderRoot.querySelector<HTMLElement>('#results-title')?.focus()}>
        <h1 id="results-title" tabindex="-1">${title}</h1>
        <span class="muted small-text">${a.sourceName}${a.report.source?.model ? ` · ${a.report.source.model}` : ''}</span>
      </div>
      ${a.people.length > 1
        ? html`<gait-person-picker
            .people=${a.people}
            .personId=${a.personId}
            .videoUrl=${a.videoUrl}
            @choose-person=${(e: CustomEvent<{ personId: number }>) => this.choosePerson(e.detail.personId)}
          ></gait-person-picker>`
        : nothing}
      ${a.warnings.length
        ? html`<div class="notice" data-testid="video-warnings">${a.warnings.map((w) => html`<p>${w}</p>`)}</div>`
        : nothing}
      <div class="card save">
        <div class="field">
          <label for="note">${a.savedId ? 'Note for this saved session' : 'Note for the history (optional)'}</label>
          <input
            id="note"
            type="text"
            data-testid="session-note"
            maxlength="300"
            placeholder="e.g. before the exercises, new shoes, left knee sore"
            .value=${this.note}
            @input=${(e: Event) => (this.note = (e.target as HTMLInputElement).value)}
          />
        </div>
        <button
          class="btn primary"
          data-testid=${this.resultsReady ? 'save-session-top' : 'save-session'}
          @click=${(e: Event) => this.onSaveSession(e)}
        >${a.savedId ? 'Update the note' : 'Save to history'}</button>
        ${a.savedId ? html`<span class="muted small-text">Saved in the history${a.savedAt ? `, ${formatDate(a.savedAt)}` : ''}.</span>` : nothing}
      </div>
      ${this.resultsReady === null
        ? html`<p class="muted">Loading the results view…</p>`
        : this.resultsReady
          ? html`<gait-results .report=${a.report} .track=${a.track} .videoUrl=${a.videoUrl}></gait-results>`
          : this.renderResultsPlaceholder(a.report)}
    </div>`;
  }

  /** A minimal summary when this build has no results view (keeps the flow usable). */
  private renderResultsPlaceholder(report: GaitReport) {
    return html`<section class="card placeholder" data-testid="results">
      <h2>Summary</h2>
      <p data-testid="walking-direction">${report.walking}, ${report.direction.replace(/-/g, ' ')}</p>
      ${keyNumbersList(keyNumbers(report))}
      ${report.flags.length
        ? html`<ul>${report.flags.map((f) => html`<li data-testid="flag" data-flag-id=${f.id}>${f.title}</li>`)}</ul>`
        : html`<p data-testid="no-flags">No patterns flagged.</p>`}
    </section>`;
  }
}

/** Errors where the more accurate model may find what the fast one missed. */
function isModelFixable(code: UserError['code']): boolean {
  return code === 'no-person' || code === 'no-walking' || code === 'too-few-steps' || code === 'not-side-view';
}

declare global {
  interface HTMLElementTagNameMap {
    'gait-app': GaitApp;
  }
}
