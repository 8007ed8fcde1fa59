import { LitElement, html, svg, css, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from '../styles/shared';
import { formatNumber } from './sessionSummary';
import type { TrendSeries } from './trends';

const W = 260;
const H = 140;
const PAD = { left: 40, right: 8, top: 8, bottom: 22 };
/** Error bars span 95 % (1.96 standard uncertainties). */
const COVERAGE = 1.96;

function shortDate(ms: number): string {
  return new Date(ms).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

/**
 * One key number over a person's sessions, drawn in SVG (no chart library on the history page):
 * the healthy band in green, each session a point (oldest left) with a 95 % error bar where its
 * uncertainty is known, and the numbers as a table for screen readers.
 */
@customElement('gait-trend-chart')
export class GaitTrendChart extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; }
      figure { margin: 0; }
      figcaption { font-weight: 600; font-size: 0.9rem; margin-bottom: 0.2rem; }
      figcaption .unit { font-weight: 400; color: var(--gait-muted); }
      svg { width: 100%; height: auto; display: block; overflow: visible; }
      .band { fill: var(--gait-ok-soft); stroke: none; }
      .band-edge { stroke: var(--gait-ok); stroke-width: 1; stroke-dasharray: 3 3; }
      .line { fill: none; stroke: var(--gait-accent); stroke-width: 2; }
      .point { fill: var(--gait-accent); }
      .err { stroke: var(--gait-accent); stroke-width: 1.5; }
      .axis { font-size: 11px; fill: var(--gait-muted); }
      .grid { stroke: var(--gait-border); stroke-width: 1; }
      details { font-size: 0.8rem; }
    `,
  ];

  @property({ attribute: false }) series?: TrendSeries;

  override render() {
    const s = this.series;
    if (!s) return nothing;
    const pts = s.points;
    const values = pts.flatMap((p) => (p.uncertainty ? [p.value - COVERAGE * p.uncertainty, p.value + COVERAGE * p.uncertainty] : [p.value]));
    const bandEnds = [s.band?.low, s.band?.high].filter((v): v is number => typeof v === 'number');
    const all = [...values, ...bandEnds];
    let lo = Math.min(...all);
    let hi = Math.max(...all);
    if (!(hi > lo)) (lo -= 1), (hi += 1);
    const pad = (hi - lo) * 0.08;
    lo -= pad;
    hi += pad;
    const plotW = W - PAD.left - PAD.right;
    const plotH = H - PAD.top - PAD.bottom;
    const x = (i: number) => PAD.left + (pts.length <= 1 ? plotW / 2 : (i / (pts.length - 1)) * plotW);
    const y = (v: number) => PAD.top + ((hi - v) / (hi - lo)) * plotH;
    const bandTop = y(s.band?.high ?? hi);
    const bandBottom = y(s.band?.low ?? lo);
    const ticks = [lo + pad, (lo + hi) / 2, hi - pad];
    const fmt = (v: number) => formatNumber(v, s.decimals);
    return html`<figure data-testid="trend-chart" data-key=${s.key} data-points=${pts.length}>
      <figcaption>${s.label} <span class="unit">(${s.unit})</span></figcaption>
      <svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${s.label} over ${pts.length} sessions${s.band ? `, healthy range ${s.band.low ?? '–'} to ${s.band.high ?? '–'}` : ''}">
        ${ticks.map((v) => svg`<line class="grid" x1=${PAD.left} x2=${W - PAD.right} y1=${y(v)} y2=${y(v)}></line>
          <text class="axis" x=${PAD.left - 4} y=${y(v) + 3} text-anchor="end">${fmt(v)}</text>`)}
        ${s.band
          ? svg`<rect class="band" x=${PAD.left} width=${plotW} y=${bandTop} height=${Math.max(0, bandBottom - bandTop)}></rect>
              ${s.band.high !== null ? svg`<line class="band-edge" x1=${PAD.left} x2=${W - PAD.right} y1=${bandTop} y2=${bandTop}></line>` : nothing}
              ${s.band.low !== null ? svg`<line class="band-edge" x1=${PAD.left} x2=${W - PAD.right} y1=${bandBottom} y2=${bandBottom}></line>` : nothing}`
          : nothing}
        ${pts.length > 1 ? svg`<polyline class="line" points=${pts.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')}></polyline>` : nothing}
        ${pts.map(
          (p, i) => svg`${p.uncertainty
              ? svg`<line class="err" data-testid="trend-error-bar" x1=${x(i)} x2=${x(i)} y1=${y(p.value - COVERAGE * p.uncertainty)} y2=${y(p.value + COVERAGE * p.uncertainty)}></line>`
              : nothing}
            <circle class="point" cx=${x(i)} cy=${y(p.value)} r="4"><title>${shortDate(p.t)}: ${fmt(p.value)}${p.uncertainty ? ` ± ${fmt(COVERAGE * p.uncertainty)}` : ''}</title></circle>`,
        )}
        ${pts.length
          ? svg`<text class="axis" x=${x(0)} y=${H - 6} text-anchor=${pts.length > 1 ? 'start' : 'middle'}>${shortDate(pts[0].t)}</text>
              ${pts.length > 1 ? svg`<text class="axis" x=${x(pts.length - 1)} y=${H - 6} text-anchor="end">${shortDate(pts[pts.length - 1].t)}</text>` : nothing}`
          : nothing}
      </svg>
      <details>
        <summary>Numbers</summary>
        <table>
          <thead><tr><th scope="col">Session</th><th scope="col" class="num">${s.unit}</th><th scope="col" class="num">± (95 %)</th></tr></thead>
          <tbody>
            ${pts.map((p) => html`<tr><td>${shortDate(p.t)}</td><td class="num">${fmt(p.value)}</td><td class="num">${p.uncertainty ? fmt(COVERAGE * p.uncertainty) : '–'}</td></tr>`)}
          </tbody>
        </table>
      </details>
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gait-trend-chart': GaitTrendChart;
  }
}
