import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { DEFAULT_MODEL, poseModel } from '../../pose/models/catalog';
import { styleMap } from 'lit/directives/style-map.js';
import { sharedStyles } from '../styles/shared';
import type { PipelineProgress, PipelineStage } from '../../contracts';

export type ProcessingProgress = PipelineProgress & { backend?: string };

const STAGE_TEXT: Record<PipelineStage | 'starting', string> = {
  starting: 'Starting',
  'loading-model': 'Loading the pose model',
  scouting: 'Finding the people in the video',
  tracking: 'Following the walker frame by frame',
  analysing: 'Analysing the gait',
};

const STEPS: PipelineStage[] = ['loading-model', 'scouting', 'tracking', 'analysing'];
const STEP_LABEL: Record<PipelineStage, string> = { 'loading-model': 'Model', scouting: 'People', tracking: 'Tracking', analysing: 'Analysis' };

function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '';
  if (seconds < 1) return 'almost done';
  if (seconds < 60) return `about ${Math.ceil(seconds)} s left`;
  return `about ${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s left`;
}

/** Percent done for the bar: the frames of the current stage (scouting is quick, tracking is the work). */
export function progressPercent(p: ProcessingProgress | null): number {
  if (!p || p.framesTotal <= 0) return 0;
  return Math.max(0, Math.min(100, Math.round((100 * p.framesDone) / p.framesTotal)));
}

/** The progress of one video: stage, a bar, frames done/total, speed, time left, backend, cancel. */
@customElement('gait-processing')
export class GaitProcessing extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .card { max-width: 40rem; }
      .name { overflow-wrap: anywhere; }
      .bar { height: 1.1rem; border-radius: 999px; background: var(--gait-accent-soft); border: 1px solid var(--gait-border); overflow: hidden; margin: var(--gait-space-3) 0 var(--gait-space-2); }
      .fill { height: 100%; background: var(--gait-accent); transition: width 0.2s linear; }
      .fill.indeterminate { width: 30%; animation: slide 1.4s ease-in-out infinite; }
      @keyframes slide { from { margin-left: -30%; } to { margin-left: 100%; } }
      .stage { font-weight: 600; font-size: 1.05rem; margin-bottom: 0; }
      .facts { display: flex; flex-wrap: wrap; gap: var(--gait-space-1) var(--gait-space-3); font-variant-numeric: tabular-nums; }
      .actions { margin-top: var(--gait-space-4); }
      .privacy { margin-top: var(--gait-space-3); }
      .steps { display: flex; flex-wrap: wrap; gap: var(--gait-space-1) var(--gait-space-3); list-style: none; padding: 0; margin: 0 0 var(--gait-space-3); font-size: 0.9rem; counter-reset: step; }
      .steps li { color: var(--gait-muted); counter-increment: step; }
      .steps li::before { content: counter(step); display: inline-grid; place-items: center; width: 1.4rem; height: 1.4rem; margin-right: 0.3rem; border-radius: 50%; border: 1px solid currentColor; font-size: 0.8rem; }
      .steps li.done { color: var(--gait-ok); }
      .steps li.done::before { content: '✓'; }
      .steps li.current { color: var(--gait-accent); font-weight: 700; }
      .steps li.current::before { background: var(--gait-accent); border-color: var(--gait-accent); color: var(--gait-accent-fg); }
    `,
  ];

  @property({ attribute: false }) progress: ProcessingProgress | null = null;
  @property() fileName = '';
  @property() model: string = DEFAULT_MODEL;

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  override render() {
    const p = this.progress;
    const percent = progressPercent(p);
    const stage = STAGE_TEXT[p?.stage ?? 'starting'];
    const counting = p !== null && p.framesTotal > 0 && p.stage !== 'loading-model';
    const text = counting
      ? [`${p.framesDone} / ${p.framesTotal} frames`, p.fps > 0 ? `${p.fps.toFixed(1)} frames/s` : '', formatEta(p.etaS)].filter(Boolean).join(' · ')
      : 'Preparing…';
    return html`
      <section class="card" aria-labelledby="processing-title">
        <h1 id="processing-title" tabindex="-1">Analysing the video</h1>
        <p class="name muted">${this.fileName} · ${poseModel(this.model).label}</p>
        <ol class="steps" aria-label="Steps">
          ${STEPS.map((step, i) => {
            const current = STEPS.indexOf(p?.stage ?? 'loading-model');
            const state = i < current ? 'done' : i === current ? 'current' : 'todo';
            return html`<li class=${state} aria-current=${i === current ? 'step' : 'false'}>${STEP_LABEL[step]}</li>`;
          })}
        </ol>
        <p class="stage" aria-live="polite">${stage}</p>
        <div
          class="bar"
          role="progressbar"
          data-testid="progress"
          aria-label="${stage}"
          aria-valuemin="0"
          aria-valuemax="100"
          aria-valuenow=${percent}
          aria-valuetext="${stage}: ${percent} %"
        >
          <div class="fill ${counting ? '' : 'indeterminate'}" style=${styleMap(counting ? { width: `${percent}%` } : {})}></div>
        </div>
        <div class="facts">
          <span data-testid="progress-text">${text}</span>
          <span data-testid="backend">${p?.backend ? `Backend: ${p.backend}` : 'Backend: choosing…'}</span>
        </div>
        <p class="muted small-text privacy">The video is analysed on this device; nothing is uploaded. You can keep this page open in the background.</p>
        <div class="actions">
          <button class="btn danger" data-testid="cancel" @click=${() => this.dispatchEvent(new CustomEvent('cancel', { bubbles: true, composed: true }))}>
            Cancel
          </button>
        </div>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gait-processing': GaitProcessing;
  }
}
