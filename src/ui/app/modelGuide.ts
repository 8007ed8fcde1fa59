import { LitElement, html, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from '../styles/shared';
import { resolveLayout } from '../../core/format/bodyPoints';
import { DEFAULT_MODEL, poseModel, TRACKING_MODELS } from '../../pose/models/catalog';
import { MODEL_MEASUREMENTS } from '../../pose/models/measurements';
import { defaultReason, type ModelMeasurement } from '../../pose/models/defaultModel';

/**
 * Under the model choice: the chosen model in plain words (fast / accurate / feet), why the default
 * is the default, and a table of every model's measured accuracy and speed
 * (src/pose/models/measurements.ts, from scripts/model-table.ts). Rendering only.
 */
@customElement('gait-model-guide')
export class GaitModelGuide extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; }
      p { margin: var(--gait-space-1) 0; }
      details { margin-top: var(--gait-space-1); }
      summary { cursor: pointer; }
      .scroll { overflow-x: auto; }
      th, td { padding: 2px 6px; text-align: left; font-size: 0.85rem; white-space: nowrap; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; }
      tr.chosen td { font-weight: 600; }
    `,
  ];

  /** The chosen model's catalogue key. */
  @property() model = DEFAULT_MODEL;

  override render() {
    const chosen = poseModel(this.model);
    const def = poseModel(DEFAULT_MODEL);
    const seesFeet = (key: string) => resolveLayout(poseModel(key).keypointNames).hasFeet;
    return html`
      <p class="muted small-text" data-testid="model-summary">${chosen.label}: ${chosen.summary}.</p>
      <p class="muted small-text" data-testid="model-default-why">
        ${def.label} is the default: ${defaultReason(MODEL_MEASUREMENTS, DEFAULT_MODEL)}
        ${seesFeet(this.model) ? '' : ' Choose a BlazePose model to measure the ankle and see how the foot lands.'}
      </p>
      <details>
        <summary class="small-text">Compare the models</summary>
        <div class="scroll">
          <table data-testid="model-table">
            <caption class="muted small-text">${MODEL_MEASUREMENTS.caption}</caption>
            <thead>
              <tr><th>Model</th><th>Feet</th><th>Hip</th><th>Knee</th><th>Ankle</th><th>Events ≤ 1 frame</th><th>Extra events</th><th>Time per frame</th></tr>
            </thead>
            <tbody>
              ${TRACKING_MODELS.map((m) => this.row(m.key, MODEL_MEASUREMENTS.models[m.key], seesFeet(m.key)))}
            </tbody>
          </table>
        </div>
      </details>
    `;
  }

  private row(key: string, m: ModelMeasurement | undefined, feet: boolean) {
    const deg = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${v.toFixed(1)}°`);
    return html`<tr class=${key === this.model ? 'chosen' : ''}>
      <td>${poseModel(key).label}${key === DEFAULT_MODEL ? ' (default)' : ''}</td>
      <td>${feet ? 'yes' : 'no'}</td>
      <td class="num">${deg(m?.hipDeg)}</td>
      <td class="num">${deg(m?.kneeDeg)}</td>
      <td class="num">${deg(m?.ankleDeg)}</td>
      <td class="num">${m ? `${Math.round(100 * m.eventsWithin1Frame)} %` : '–'}</td>
      <td class="num">${m ? `${m.extraEventsPerWalk.toFixed(1)} a walk` : '–'}</td>
      <td class="num">${m ? `${m.relativeTime.toFixed(1)}×` : '–'}</td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gait-model-guide': GaitModelGuide;
  }
}
