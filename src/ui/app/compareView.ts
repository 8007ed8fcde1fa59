import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sharedStyles } from '../styles/shared';
import { getSession, type StoredSession } from '../history/store';
import { compareFlags, compareRows, formatDifference, formatNumber } from '../history/sessionSummary';
import { formatDate } from './historyView';
import { routeHash } from './router';

const SEVERITY_TEXT = { mild: 'mild', moderate: 'moderate', marked: 'marked' } as const;
const VERDICT_WORDS = { increase: 'yes: a real increase', decrease: 'yes: a real decrease', 'within-noise': 'no: within measurement noise', unknown: '–' } as const;

/** Two saved sessions side by side: key numbers with the change from A to B, and both sets of flags. */
@customElement('gait-compare')
export class GaitCompare extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .pair { display: grid; grid-template-columns: 1fr 1fr; gap: var(--gait-space-3); margin-bottom: var(--gait-space-4); }
      .pair .card { padding: var(--gait-space-3); min-width: 0; }
      .tag { display: inline-block; min-width: 1.6rem; text-align: center; font-weight: 700; color: var(--gait-accent-fg); background: var(--gait-accent); border-radius: 6px; padding: 0 0.4rem; margin-right: var(--gait-space-1); }
      .tag.b { background: var(--gait-phase-swing); }
      .note { overflow-wrap: anywhere; margin: var(--gait-space-1) 0 0; }
      .table-wrap { overflow-x: auto; margin-bottom: var(--gait-space-4); }
      table { min-width: 30rem; background: var(--gait-surface); }
      caption { text-align: left; font-weight: 700; font-size: 1.1rem; padding-bottom: var(--gait-space-2); }
      .change-new { color: var(--gait-danger); font-weight: 600; }
      .real-change { font-weight: 600; }
      .change-gone { color: var(--gait-ok); font-weight: 600; }
      .actions { margin-top: var(--gait-space-3); }
      @media (max-width: 640px) { .pair { grid-template-columns: 1fr; } table { min-width: 0; font-size: 0.92rem; } th, td { padding: 0.4rem 0.35rem; } }
    `,
  ];

  @property() a = '';
  @property() b = '';
  @state() private sessions: [StoredSession, StoredSession] | null = null;
  @state() private error = '';

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('a') || changed.has('b')) void this.load();
  }

  private async load(): Promise<void> {
    this.sessions = null;
    this.error = '';
    try {
      const [a, b] = await Promise.all([getSession(this.a), getSession(this.b)]);
      if (!a || !b) {
        this.error = 'One of these sessions is no longer saved on this device.';
        return;
      }
      this.sessions = [a, b];
    } catch (error) {
      this.error = `The sessions could not be read: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private renderHeader(s: StoredSession, tag: 'A' | 'B') {
    return html`<div class="card">
      <div><span class="tag ${tag === 'B' ? 'b' : ''}">${tag}</span><strong>${formatDate(s.createdAt)}</strong></div>
      <p class="note">${s.note || html`<span class="muted">No note</span>`}</p>
      <p class="muted small-text">${s.sourceName} · walking ${s.keyNumbers.walking}</p>
      <a class="btn small" href=${routeHash({ name: 'session', id: s.id })}>Open ${tag}</a>
    </div>`;
  }

  override render() {
    const pair = this.sessions;
    return html`
      <section data-testid="compare-view" aria-labelledby="compare-title">
        <h1 id="compare-title" tabindex="-1">Compare two sessions</h1>
        ${this.error ? html`<div class="alert" role="alert" data-testid="error"><h2>Cannot compare</h2><p>${this.error}</p><a class="btn" href="#/history">Back to the history</a></div>` : nothing}
        ${!pair && !this.error ? html`<p class="muted">Loading…</p>` : nothing}
        ${pair ? this.renderPair(pair) : nothing}
      </section>
    `;
  }

  private renderPair([a, b]: [StoredSession, StoredSession]) {
    const rows = compareRows(a.keyNumbers, b.keyNumbers);
    const flags = compareFlags(a.report, b.report);
    return html`
      <div class="pair">${this.renderHeader(a, 'A')}${this.renderHeader(b, 'B')}</div>
      <div class="table-wrap">
        <table data-testid="compare-numbers">
          <caption>Key numbers</caption>
          <thead>
            <tr><th scope="col">Measure</th><th scope="col" class="num">A</th><th scope="col" class="num">B</th><th scope="col" class="num">B − A</th><th scope="col">Real change?</th></tr>
          </thead>
          <tbody>
            ${rows.map(
              (r) => html`<tr data-row=${r.key}>
                <th scope="row">${r.label}${r.unit ? html` <span class="muted small-text">(${r.unit})</span>` : ''}</th>
                <td class="num">${formatNumber(r.a, r.decimals)}</td>
                <td class="num">${formatNumber(r.b, r.decimals)}</td>
                <td class="num">${formatDifference(r.difference, r.decimals)}</td>
                <td data-verdict=${r.verdict} class=${r.verdict === 'increase' || r.verdict === 'decrease' ? 'real-change' : 'muted'}>${VERDICT_WORDS[r.verdict]}${r.mdc !== null ? html`<br /><span class="muted small-text">noise up to ± ${formatNumber(r.mdc, r.decimals)}</span>` : ''}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div class="table-wrap">
        <table data-testid="compare-flags">
          <caption>Flags</caption>
          <thead>
            <tr><th scope="col">Pattern</th><th scope="col">A</th><th scope="col">B</th><th scope="col">Change</th></tr>
          </thead>
          <tbody>
            ${flags.length === 0
              ? html`<tr><td colspan="4">No patterns flagged in either session.</td></tr>`
              : flags.map(
                  (f) => html`<tr data-flag-id=${f.id}>
                    <th scope="row">${f.title}${f.side !== 'both' ? html` <span class="muted small-text">(${f.side})</span>` : ''}</th>
                    <td>${f.a ? SEVERITY_TEXT[f.a] : '–'}</td>
                    <td>${f.b ? SEVERITY_TEXT[f.b] : '–'}</td>
                    <td class=${f.change === 'new' ? 'change-new' : f.change === 'gone' ? 'change-gone' : ''}>
                      ${f.change === 'new' ? 'new in B' : f.change === 'gone' ? 'gone in B' : 'in both'}
                    </td>
                  </tr>`,
                )}
          </tbody>
        </table>
      </div>
      <p class="muted small-text">
        Differences are B minus A. A change counts as real only when it exceeds the minimal detectable change (95 %) made from both sessions'
        uncertainties (1.96 × √(u<sub>A</sub>² + u<sub>B</sub>²)); smaller changes are what measurement noise alone can explain.
      </p>
      <div class="actions"><a class="btn" href="#/history">Back to the history</a></div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gait-compare': GaitCompare;
  }
}
