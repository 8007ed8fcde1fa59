import { LitElement, html, css, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from '../styles/shared';

/**
 * A short status message at the bottom of the window (e.g. "Saved to the history"), with an
 * optional link to the history and a dismiss button (fires `dismiss`). Hidden when `text` is empty.
 */
@customElement('gait-toast')
export class GaitToast extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .toast {
        position: fixed; left: 50%; bottom: var(--gait-space-3); transform: translateX(-50%); z-index: 20;
        width: max-content; max-width: calc(100vw - 2rem);
      }
      .toast.shown {
        display: flex; gap: var(--gait-space-2); align-items: baseline; padding: var(--gait-space-2) var(--gait-space-3);
        color: #fff; background: #1f2a37; border-radius: var(--gait-radius); box-shadow: 0 4px 16px rgb(0 0 0 / 25%);
      }
      .toast a, .toast .link-btn { color: #cfe3ff; }
      @media print { :host { display: none !important; } }
    `,
  ];

  @property() text = '';
  @property({ type: Boolean }) link = false;

  override render() {
    return html`<div class="toast ${this.text ? 'shown' : ''}" role="status" data-testid="save-status">
      ${this.text
        ? html`<span>${this.text}</span>${this.link ? html` <a href="#/history">See the history</a>` : nothing}
            <button class="link-btn" aria-label="Dismiss" @click=${() => this.dispatchEvent(new CustomEvent('dismiss'))}>✕</button>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gait-toast': GaitToast;
  }
}
