import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { poseModel } from '../../pose/models/catalog';
import { sharedStyles } from '../styles/shared';
import type { UserError } from './describeError';

/**
 * A failed analysis: what happened and what to try, in an alert, with ways on. The file is kept
 * by the app, so "Try again with Thunder" needs no new upload. Fires `go-home` and `retry` ({model}).
 */
@customElement('gait-error')
export class GaitError extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .alert { max-width: 46rem; }
      .alert h1 { font-size: 1.3rem; color: var(--gait-danger); margin-bottom: var(--gait-space-2); }
      .message { overflow-wrap: anywhere; }
      .actions { margin-top: var(--gait-space-3); }
    `,
  ];

  @property({ attribute: false }) error: UserError | null = null;
  /** Name of the kept file, if any. */
  @property() fileName = '';
  /** Offer a retry with this model (null: no retry). */
  @property() retryModel: string | null = null;
  @property({ type: Boolean }) canRetry = false;

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  private emit(name: string, detail?: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  override render() {
    const e = this.error;
    if (!e) return html``;
    return html`
      <div class="alert" role="alert" data-testid="error" data-error-code=${e.code}>
        <h1 tabindex="-1">${e.title}</h1>
        <p class="message" data-testid="error-message">${e.message}</p>
        ${e.hint ? html`<p><strong>What to try:</strong> ${e.hint}</p>` : ''}
        ${this.fileName ? html`<p class="muted small-text">File: ${this.fileName} (kept on this device for another try).</p>` : ''}
        <div class="row actions">
          ${this.retryModel
            ? html`<button class="btn primary" data-testid="retry-thunder" @click=${() => this.emit('retry', { model: this.retryModel })}>
                Try again with ${poseModel(this.retryModel).label} (${poseModel(this.retryModel).summary})
              </button>`
            : ''}
          ${this.canRetry && !this.retryModel
            ? html`<button class="btn primary" data-testid="retry" @click=${() => this.emit('retry', {})}>Try again</button>`
            : ''}
          <button class="btn" data-testid="error-home" @click=${() => this.emit('go-home')}>Back to the start</button>
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gait-error': GaitError;
  }
}
