import { LitElement, html, css } from 'lit';
import { customElement } from 'lit/decorators.js';

/** First page: the app shell. The full app arrives with the UI issue. */
@customElement('gait-app')
export class GaitApp extends LitElement {
  static override styles = css`
    :host { display: block; font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1b1f24; }
    h1 { font-size: 1.6rem; }
  `;

  override render() {
    return html`
      <h1>Gait analysis</h1>
      <p>Film or upload a walk seen from the side; everything is analysed on this device and nothing is uploaded.</p>
    `;
  }
}
