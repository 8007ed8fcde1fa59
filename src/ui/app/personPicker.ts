import { LitElement, html, css, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from '../styles/shared';
import type { Box, PersonCandidate } from '../../contracts';

const THUMB_HEIGHT = 120;

/** Seeks a video element and resolves once the frame is ready (or rejects after a while). */
function seek(video: HTMLVideoElement, t: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('seek timed out')), 5000);
    video.addEventListener(
      'seeked',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
    video.currentTime = Math.max(0, t);
  });
}

function waitForMetadata(video: HTMLVideoElement): Promise<void> {
  if (video.readyState >= 1) return Promise.resolve();
  return new Promise((resolve, reject) => {
    video.addEventListener('loadedmetadata', () => resolve(), { once: true });
    video.addEventListener('error', () => reject(new Error('video cannot be read')), { once: true });
  });
}

/** The box widened by a margin and clamped to the frame. */
function around(box: Box, width: number, height: number): Box {
  const mx = box.width * 0.25;
  const my = box.height * 0.1;
  const x = Math.max(0, box.x - mx);
  const y = Math.max(0, box.y - my);
  return { x, y, width: Math.min(width, box.x + box.width + mx) - x, height: Math.min(height, box.y + box.height + my) - y };
}

/**
 * When more than one person was found: one button per person (their picture at a moment they are
 * clearly in view, and the pipeline's description); the current one is pressed. Fires
 * `choose-person` ({personId}).
 */
@customElement('gait-person-picker')
export class GaitPersonPicker extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .card { padding: var(--gait-space-3); }
      h2 { font-size: 1.1rem; margin-bottom: var(--gait-space-1); }
      ul { list-style: none; display: flex; flex-wrap: wrap; gap: var(--gait-space-2); padding: 0; margin: var(--gait-space-2) 0 0; }
      button.person {
        display: flex; align-items: flex-start; gap: var(--gait-space-2); min-height: 44px; max-width: 22rem;
        padding: var(--gait-space-2); font: inherit; text-align: left; color: inherit; background: var(--gait-surface);
        border: 2px solid var(--gait-border); border-radius: var(--gait-radius); cursor: pointer;
      }
      button.person:hover { border-color: var(--gait-accent); }
      button.person[aria-pressed='true'] { border-color: var(--gait-accent); background: var(--gait-accent-soft); }
      canvas { flex: none; height: ${THUMB_HEIGHT / 1.5}px; width: 6rem; object-fit: contain; border-radius: 6px; background: #222; }
      canvas[hidden] { display: none; }
      .current { font-weight: 600; color: var(--gait-accent); }
    `,
  ];

  @property({ attribute: false }) people: PersonCandidate[] = [];
  @property({ attribute: false }) personId: number | null = null;
  @property({ attribute: false }) videoUrl: string | null = null;
  /** 'error': the chosen person could not be analysed, so the text asks for the walker. */
  @property() context: 'results' | 'error' = 'results';
  /** True while a re-run for another person is going on. */
  @property({ type: Boolean }) busy = false;

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('people') || changed.has('videoUrl')) void this.drawThumbnails();
  }

  private async drawThumbnails(): Promise<void> {
    const url = this.videoUrl;
    if (!url || this.people.length === 0) return;
    const video = document.createElement('video');
    video.muted = true;
    video.preload = 'auto';
    video.playsInline = true;
    video.src = url;
    try {
      await waitForMetadata(video);
      for (const person of this.people) {
        if (this.videoUrl !== url) return;
        const canvas = this.renderRoot.querySelector<HTMLCanvasElement>(`canvas[data-for="${person.id}"]`);
        if (!canvas) continue;
        await seek(video, person.preview.t);
        const r = around(person.preview.box, video.videoWidth, video.videoHeight);
        if (r.width <= 0 || r.height <= 0) continue;
        canvas.height = THUMB_HEIGHT;
        canvas.width = Math.max(1, Math.round((THUMB_HEIGHT * r.width) / r.height));
        const ctx = canvas.getContext('2d');
        if (!ctx) continue;
        ctx.drawImage(video, r.x, r.y, r.width, r.height, 0, 0, canvas.width, canvas.height);
        canvas.hidden = false;
      }
    } catch {
      // No pictures then: the descriptions still tell the people apart.
    } finally {
      video.removeAttribute('src');
      video.load();
    }
  }

  private choose(personId: number): void {
    if (personId === this.personId || this.busy) return;
    this.dispatchEvent(new CustomEvent('choose-person', { detail: { personId }, bubbles: true, composed: true }));
  }

  override render() {
    return html`
      <section class="card" data-testid="person-picker" aria-labelledby="picker-title">
        <h2 id="picker-title">${this.people.length} people were found</h2>
        <p class="muted small-text">
          ${this.context === 'error'
            ? 'Choose the person who walks: the video is analysed again for them.'
            : 'The one who walks was analysed. If that is the wrong person, choose another: the video is analysed again for them.'}
        </p>
        <ul>
          ${this.people.map(
            (person, index) => html`<li>
              <button
                class="person"
                data-testid="person-option"
                data-person-id=${person.id}
                aria-pressed=${person.id === this.personId ? 'true' : 'false'}
                ?disabled=${this.busy}
                @click=${() => this.choose(person.id)}
              >
                <canvas data-for=${person.id} hidden aria-hidden="true"></canvas>
                <span>
                  <strong>Person ${index + 1}</strong>${person.id === this.personId ? html` <span class="current">(analysed)</span>` : ''}<br />
                  <span class="small-text">${person.description}</span>
                </span>
              </button>
            </li>`,
          )}
        </ul>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gait-person-picker': GaitPersonPicker;
  }
}
