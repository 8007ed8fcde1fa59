import { LitElement, html, css, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { sharedStyles } from '../styles/shared';
import type { GaitReport } from '../../core/format/report';
import type { Route } from './router';
import type { UserError } from './describeError';
import { demoVideoUrl, loadCameraElement, loadResultsElement } from './optional';
import type { ChosenFile, ModelChoice } from './homeView';
import { formatDate, keyNumbersList, numbersStyles } from './historyView';
import { keyNumbers } from '../history/sessionSummary';
import { RouteController } from './controllers/routeController';
import { DEFAULT_MODEL } from '../../pose/models/catalog';
import { liveModelFor } from '../../pose/models/defaultModel';
import { MODEL_MEASUREMENTS } from '../../pose/models/measurements';
import { ModelController } from './controllers/modelController';
import { ToastController } from './controllers/toastController';
import { SaveController } from './controllers/saveController';
import { AnalysisJobController, type Analysis } from './controllers/analysisJob';
import './homeView';
import './processingView';
import './personPicker';
import './errorView';
import './historyView';
import './compareView';
import './toast';
import './saveBar';

/**
 * The app shell: header, navigation and the view of the current route. The logic lives in
 * reactive controllers: routing and focus (RouteController), the analysis job (AnalysisJobController),
 * saving and its toast (SaveController, ToastController) and the model choice (ModelController);
 * this element wires them together and renders.
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
      .placeholder { border-style: dashed; }
      .film-head { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: var(--gait-space-2); }
      @media (max-width: 520px) {
        .bar { padding: var(--gait-space-1) var(--gait-space-2); gap: var(--gait-space-1); }
        .brand { font-size: 1rem; gap: var(--gait-space-1); }
        .brand svg { width: 24px; height: 24px; }
        nav a { padding: 0 var(--gait-space-2); font-size: 0.95rem; }
        main { padding: var(--gait-space-3) var(--gait-space-2) var(--gait-space-4); }
      }
      @media print {
        header, footer, .skip, gait-person-picker { display: none !important; }
        :host { min-height: 0; }
        main { padding: 0; max-width: none; }
        .stack { gap: var(--gait-space-2); }
        .results-head h1 { font-size: 14pt; outline: none; }
      }
    `,
  ];

  @state() private resultsReady: boolean | null = null;
  @state() private cameraReady: boolean | null = null;
  @state() private demoAvailable = true;

  private readonly models = new ModelController(this);
  private readonly toast = new ToastController(this);
  private readonly saving = new SaveController(this, this.toast, () => this.router.route.name === 'history');
  private readonly jobs: AnalysisJobController = new AnalysisJobController(this, {
    model: () => this.models.model,
    setModel: (model) => this.models.set(model),
    show: () => {
      if (this.router.route.name !== 'analysis') this.router.go({ name: 'analysis' });
      else this.router.refocus();
    },
    refocus: () => this.router.refocus(),
    cancelled: () => {
      if (this.router.route.name === 'analysis') this.router.go({ name: 'home' }, { replace: true });
    },
    replaced: (note, person) => this.saving.reset(note, person),
    stillWanted: (id) => this.router.route.name === 'session' && this.router.route.id === id,
  });
  private readonly router: RouteController = new RouteController(this, {
    leave: (leaving, next) => {
      // Leaving the processing view (Back button) stops the work.
      if (leaving.name === 'analysis' && next.name !== 'analysis' && this.jobs.processing) this.jobs.cancel();
      // A save confirmation belongs to the view it was made in; elsewhere it only covers content.
      if (leaving.name !== next.name) this.toast.clear();
    },
    enter: (route) => this.enter(route),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    void demoVideoUrl().then((url) => (this.demoAvailable = url !== null));
  }

  /** What a route needs when entered: its data or the lazily loaded element that shows it. */
  private enter(route: Route): void {
    if (route.name === 'analysis' && this.jobs.job.phase === 'idle') {
      // Nothing to show (a reload, or Forward after a finished job): back to the start.
      this.router.redirect({ name: 'home' });
    }
    if (route.name === 'session') void this.jobs.openSaved(route.id);
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

  private goHome(): void {
    this.jobs.cancel();
    this.router.go({ name: 'home' });
  }

  private onSaveSession(e: Event): void {
    e.stopPropagation();
    const analysis = this.jobs.analysis;
    if (!analysis) return;
    void this.saving.save(analysis, (e as CustomEvent<{ note?: unknown } | undefined>).detail?.note);
  }

  // ---- rendering -------------------------------------------------------------------------------

  override render() {
    const r = this.router.route.name;
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
      <gait-toast .text=${this.toast.text} ?link=${this.toast.link} @dismiss=${() => this.toast.clear()}></gait-toast>
      <footer>
        <p>Runs entirely on this device: videos are never uploaded, there is no account, and it works offline. Not a medical diagnosis.</p>
      </footer>
    `;
  }

  private renderView() {
    switch (this.router.route.name) {
      case 'home':
        return html`<gait-home
          data-view
          .model=${this.models.model}
          .demoAvailable=${this.demoAvailable}
          @choose-file=${(e: CustomEvent<ChosenFile>) => void this.jobs.chooseFile(e.detail)}
          @start-demo=${() => void this.jobs.startDemo()}
          @film=${() => this.router.go({ name: 'film' })}
          @model-change=${(e: CustomEvent<{ model: ModelChoice }>) => this.models.set(e.detail.model)}
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
        return html`<gait-compare data-view .a=${this.router.route.a} .b=${this.router.route.b}></gait-compare>`;
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
              .model=${liveModelFor(MODEL_MEASUREMENTS, this.models.model, DEFAULT_MODEL)}
              @recording-complete=${(e: CustomEvent<{ blob: Blob; name: string }>) =>
                this.jobs.recorded(e.detail.blob, e.detail.name)}
              @use-upload=${() => this.router.goHomeToUpload()}
            ></gait-camera>`
          : html`<div class="alert" role="alert" data-testid="error">
              <h2>Filming is not available in this build</h2>
              <p>Upload a video of the walk instead.</p>
              <a class="btn" href="#/">Upload a video</a>
            </div>`}
    </section>`;
  }

  private renderAnalysis() {
    const job = this.jobs.job;
    switch (job.phase) {
      case 'idle':
        return nothing;
      case 'processing':
        return html`<gait-processing
          data-view
          .progress=${job.progress}
          .fileName=${job.input.name}
          .model=${job.model}
          @cancel=${() => this.jobs.cancel()}
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
            @retry=${(e: CustomEvent<{ model?: ModelChoice }>) => this.jobs.retry(e.detail.model)}
            @go-home=${() => this.goHome()}
          ></gait-error>
          ${job.people.length > 1
            ? html`<gait-person-picker
                context="error"
                .people=${job.people}
                .personId=${job.personId}
                .videoUrl=${job.videoUrl}
                @choose-person=${(e: CustomEvent<{ personId: number }>) => this.jobs.choosePerson(e.detail.personId)}
              ></gait-person-picker>`
            : nothing}
        </div>`;
      }
      case 'results':
        return this.renderResults(job.analysis, 'Results');
    }
  }

  private renderSession() {
    const { sessionError, sessionLoading, analysis } = this.jobs;
    if (sessionError) {
      return html`<gait-error data-view .error=${sessionError} @go-home=${() => this.router.go({ name: 'history' })}></gait-error>`;
    }
    if (sessionLoading || !analysis || analysis.savedId === null) return html`<p class="muted" role="status">Opening the session…</p>`;
    const a = analysis;
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
            @choose-person=${(e: CustomEvent<{ personId: number }>) => this.jobs.choosePerson(e.detail.personId)}
          ></gait-person-picker>`
        : nothing}
      ${a.warnings.length
        ? html`<div class="notice" data-testid="video-warnings">${a.warnings.map((w) => html`<p>${w}</p>`)}</div>`
        : nothing}
      <gait-save-bar
        .note=${this.saving.note}
        .person=${this.saving.person}
        @person-input=${(e: CustomEvent<{ person: string }>) => this.saving.setPerson(e.detail.person)}
        .savedId=${a.savedId}
        .savedAt=${a.savedAt}
        ?changed=${a.changedSinceSave}
        buttonTestId=${this.resultsReady ? 'save-session-top' : 'save-session'}
        @note-input=${(e: CustomEvent<{ note: string }>) => this.saving.setNote(e.detail.note)}
      ></gait-save-bar>
      ${this.resultsReady === null
        ? html`<p class="muted">Loading the results view…</p>`
        : this.resultsReady
          ? html`<gait-results
              .report=${a.report}
              .track=${a.track}
              .videoUrl=${a.videoUrl}
              .detected=${a.detected}
              .editError=${this.jobs.editError}
              @events-edit=${(e: CustomEvent<{ events: Analysis['detected'] }>) => this.jobs.editEvents(e.detail.events)}
              .measurements=${a.measurements}
              @measurements-change=${(e: CustomEvent<{ measurements: Analysis['measurements'] }>) => this.jobs.setMeasurements(e.detail.measurements)}
            ></gait-results>`
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
