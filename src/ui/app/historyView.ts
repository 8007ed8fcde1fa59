import { LitElement, html, css, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { sharedStyles } from '../styles/shared';
import { deleteSession, listSessions, type SessionMeta } from '../history/store';
import {
  backwardShare,
  formatDuration,
  formatNumber,
  SESSION_ANKLE_NUMBERS,
  SUGGESTED_BACKWARD_PERCENT_OF_FORWARD,
  type SessionKeyNumbers,
} from '../history/sessionSummary';
import { keyNumber } from '../../core/metrics/keyNumbers';
import { routeHash } from './router';
import { backwardTrend, DEFAULT_PERSON, peopleOf, personOf, trendSeries } from '../history/trends';
import '../history/trendChart';
import { makeBackup, restoreBackup } from '../history/backupFile';
import { checkStorage } from '../history/backup';
import { downloadBlob } from '../results/download';
import { sourceStem } from '../../core/export/fileNames';

export function formatDate(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function pair(values: { left: number | null; right: number | null }, decimals: number, unit: string): string {
  return `${formatNumber(values.left, decimals)} / ${formatNumber(values.right, decimals)}${unit}`;
}

/** The key numbers of a session as a compact definition list (the ankle ones where it has them). */
export function keyNumbersList(k: SessionKeyNumbers) {
  return html`<dl class="numbers">
    <div><dt>Cadence</dt><dd>${formatNumber(k.cadence, 0)} steps/min</dd></div>
    <div><dt>Stride time</dt><dd>${formatNumber(k.strideTime, 2)} s</dd></div>
    <div><dt>Stance L / R</dt><dd>${pair(k.stancePercent, 0, ' %')}</dd></div>
    <div><dt>Peak hip extension L / R</dt><dd>${pair(k.peakHipExtension, 0, '°')}</dd></div>
    <div><dt>Peak swing knee L / R</dt><dd>${pair(k.peakSwingKneeFlexion, 0, '°')}</dd></div>
    ${SESSION_ANKLE_NUMBERS.map((id) => {
      const values = k[id];
      return values ? html`<div data-key=${id}><dt>${keyNumber(id).label} L / R</dt><dd>${pair(values, 0, keyNumber(id).unit)}</dd></div>` : nothing;
    })}
    <div><dt>Flags</dt><dd>${k.flagsCount}</dd></div>
    <div><dt>Walking</dt><dd>${k.walking}, ${formatDuration(k.forwardSeconds + k.backwardSeconds)}</dd></div>
  </dl>`;
}

export const numbersStyles = css`
  dl.numbers { display: grid; grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); gap: var(--gait-space-1) var(--gait-space-3); margin: var(--gait-space-2) 0 0; }
  dl.numbers div { min-width: 0; }
  dl.numbers dt { font-size: 0.8rem; color: var(--gait-muted); }
  dl.numbers dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
`;

/**
 * Saved sessions, newest first: date, note and key numbers; open, delete (asks first), pick two to
 * compare; and the running share of backward walking across them.
 */
@customElement('gait-history')
export class GaitHistory extends LitElement {
  static override styles = [
    sharedStyles,
    numbersStyles,
    css`
      .top { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: var(--gait-space-2); }
      ol { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: var(--gait-space-3); }
      li.card { padding: var(--gait-space-3) var(--gait-space-4); }
      li.selected { border-color: var(--gait-accent); box-shadow: 0 0 0 2px var(--gait-accent); }
      .head { display: flex; flex-wrap: wrap; gap: var(--gait-space-2) var(--gait-space-3); align-items: baseline; justify-content: space-between; }
      .date { font-weight: 700; }
      .note { margin: var(--gait-space-1) 0 0; overflow-wrap: anywhere; }
      .edited { color: #a14400; font-weight: 600; }
      .actions { margin-top: var(--gait-space-3); display: flex; flex-wrap: wrap; gap: var(--gait-space-2); align-items: center; }
      .compare-check { display: inline-flex; align-items: center; gap: var(--gait-space-2); min-height: 36px; font-weight: 600; cursor: pointer; }
      .compare-check input { width: 1.2rem; height: 1.2rem; }
      .confirm { display: flex; flex-wrap: wrap; gap: var(--gait-space-2); align-items: center; padding: var(--gait-space-2) var(--gait-space-3); border-radius: 8px; background: var(--gait-danger-soft); }
      .share { margin-bottom: var(--gait-space-4); }
      .share h2 { font-size: 1.1rem; margin-bottom: var(--gait-space-2); }
      .meter { position: relative; height: 0.9rem; border-radius: 4px; background: var(--gait-bg); border: 1px solid var(--gait-border); margin: var(--gait-space-3) 0 2rem; max-width: 30rem; }
      .meter .band { position: absolute; top: 0; bottom: 0; background: var(--gait-ok-soft); border-left: 2px solid var(--gait-ok); border-right: 2px solid var(--gait-ok); }
      .meter .marker { position: absolute; top: -0.35rem; bottom: -0.35rem; width: 4px; margin-left: -2px; border-radius: 2px; background: var(--gait-accent); }
      .meter .tick { position: absolute; top: 1.1rem; transform: translateX(-50%); font-size: 0.78rem; color: var(--gait-muted); white-space: nowrap; }
      .meter .tick:first-of-type { transform: none; }
      .meter .tick:last-of-type { transform: translateX(-100%); }
      .compare-bar { margin-bottom: var(--gait-space-3); padding: var(--gait-space-2) var(--gait-space-3); background: var(--gait-accent-soft); border-radius: var(--gait-radius); display: flex; flex-wrap: wrap; gap: var(--gait-space-2); align-items: center; justify-content: space-between; }
      .empty { text-align: center; }
      .backup { margin-bottom: var(--gait-space-4); }
      .backup h2 { font-size: 1.1rem; margin-bottom: var(--gait-space-1); }
      .backup-actions { display: flex; flex-wrap: wrap; gap: var(--gait-space-2) var(--gait-space-3); align-items: center; }
      .backup .check { display: inline-flex; gap: var(--gait-space-1); align-items: center; }
      .backup .file { position: relative; overflow: hidden; cursor: pointer; }
      .backup .file input { position: absolute; inset: 0; opacity: 0; cursor: pointer; }
      .backup .file:focus-within { outline: 3px solid var(--gait-accent); outline-offset: 2px; }
      .filter { display: flex; flex-wrap: wrap; gap: var(--gait-space-2); align-items: center; margin-bottom: var(--gait-space-3); }
      .filter select { min-height: 2.75rem; font: inherit; }
      .person-tag { font-weight: 600; }
      .trends { margin-bottom: var(--gait-space-4); }
      .trends h2 { font-size: 1.1rem; margin-bottom: var(--gait-space-1); }
      .trend-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: var(--gait-space-3) var(--gait-space-4); margin-top: var(--gait-space-3); }
    `,
  ];

  @state() private sessions: SessionMeta[] | null = null;
  @state() private loadError = '';
  @state() private selected: string[] = [];
  @state() private confirming: string | null = null;
  @state() private status = '';
  /** Show only this person's sessions ('' = everyone). */
  @state() private personFilter = '';
  @state() private withVideos = false;
  @state() private backupStatus = '';
  @state() private storageWarning = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  async refresh(): Promise<void> {
    void this.checkStorage();
    try {
      this.sessions = await listSessions();
      this.selected = this.selected.filter((id) => this.sessions!.some((s) => s.id === id));
      this.loadError = '';
    } catch (error) {
      this.sessions = [];
      this.loadError = `The saved sessions could not be read (${error instanceof Error ? error.message : String(error)}). Private browsing may block storage on this device.`;
    }
  }

  private async checkStorage(): Promise<void> {
    try {
      const estimate = (await navigator.storage?.estimate?.()) ?? null;
      this.storageWarning = checkStorage(estimate, 0).message;
    } catch {
      this.storageWarning = '';
    }
  }

  private async exportBackup(person: string | null): Promise<void> {
    this.backupStatus = 'Making the backup…';
    try {
      const when = new Date();
      const { blob, count } = await makeBackup(person, this.withVideos, when);
      const pad = (n: number) => String(n).padStart(2, '0');
      const date = `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`;
      downloadBlob(blob, `gait-history-${date}${person ? `-${sourceStem(person)}` : ''}.json`);
      this.backupStatus = `Backup of ${count} session${count === 1 ? '' : 's'} downloaded (${Math.max(1, Math.round(blob.size / 1e6))} MB). Import it in another browser or device from its history page.`;
    } catch (error) {
      this.backupStatus = `Could not make the backup: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private async importBackup(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.backupStatus = `Reading ${file.name}…`;
    try {
      const { added, skipped } = await restoreBackup(file);
      this.backupStatus = `Imported ${added} session${added === 1 ? '' : 's'} from ${file.name}${skipped ? `; ${skipped} ${skipped === 1 ? 'was' : 'were'} already here` : ''}.`;
      await this.refresh();
    } catch (error) {
      this.backupStatus = `Not imported: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private renderBackup(person: string | null, count: number) {
    return html`<section class="card backup" aria-labelledby="backup-title">
      <h2 id="backup-title">Back up or move</h2>
      <p class="muted small-text">One file with the sessions, their reports, pose tracks and measurements, to keep or to open in another browser or device; importing skips sessions already there.</p>
      <div class="backup-actions">
        ${count
          ? html`<button class="btn" data-testid="backup-export" @click=${() => this.exportBackup(person)}>
                Export ${person ? `${person}'s` : 'all'} ${count} session${count === 1 ? '' : 's'}
              </button>
              <label class="check"><input type="checkbox" data-testid="backup-videos" .checked=${this.withVideos} @change=${(e: Event) => (this.withVideos = (e.target as HTMLInputElement).checked)} /> with videos (larger file)</label>`
          : nothing}
        <label class="btn file">
          Import a backup…
          <input type="file" accept=".json,application/json" data-testid="backup-import" @change=${(e: Event) => this.importBackup(e)} />
        </label>
      </div>
      <p role="status" data-testid="backup-status">${this.backupStatus}</p>
    </section>`;
  }

  private toggle(id: string, on: boolean): void {
    const rest = this.selected.filter((x) => x !== id);
    // Keep the last two picked: ticking a third replaces the oldest pick.
    this.selected = on ? [...rest, id].slice(-2) : rest;
  }

  private async deleteOne(session: SessionMeta): Promise<void> {
    try {
      await deleteSession(session.id);
      this.confirming = null;
      this.status = `Deleted the session of ${formatDate(session.createdAt)}.`;
      await this.refresh();
      this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    } catch (error) {
      this.status = `Could not delete: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private compareHash(): string {
    const chosen = (this.sessions ?? []).filter((s) => this.selected.includes(s.id)).sort((a, b) => a.createdAt - b.createdAt);
    return chosen.length === 2 ? routeHash({ name: 'compare', a: chosen[0].id, b: chosen[1].id }) : '#/history';
  }

  private renderShare(sessions: SessionMeta[]) {
    const share = backwardShare(sessions.map((s) => s.keyNumbers));
    const { low, high } = SUGGESTED_BACKWARD_PERCENT_OF_FORWARD;
    const scaleMax = 40;
    const verdict =
      share.status === 'none'
        ? ''
        : share.status === 'within'
          ? 'within the suggested range.'
          : share.status === 'below'
            ? 'below the suggested range: add some backward walking.'
            : 'above the suggested range: it is meant as a supplement to forward walking.';
    return html`<section class="card share" data-testid="backward-share" aria-labelledby="share-title">
      <h2 id="share-title">Walking backwards</h2>
      <p>
        Across your saved sessions: <strong>${formatDuration(share.backwardSeconds)}</strong> backward and
        <strong>${formatDuration(share.forwardSeconds)}</strong> forward${share.percentOfForward !== null
          ? html`, so backward walking is <strong>${formatNumber(share.percentOfForward, 0)} %</strong> of the forward time, ${verdict}`
          : share.status === 'above'
            ? html`: only backward walking so far.`
            : '.'}
      </p>
      ${share.percentOfForward !== null
        ? html`<div class="meter" aria-hidden="true">
            <div class="band" style=${styleMap({ left: `${(100 * low) / scaleMax}%`, width: `${(100 * (high - low)) / scaleMax}%` })}></div>
            <div class="marker" style=${styleMap({ left: `${Math.min(100, (100 * share.percentOfForward) / scaleMax)}%` })}></div>
            ${[0, low, high, scaleMax].map(
              (v) => html`<span class="tick" style=${styleMap({ left: `${(100 * v) / scaleMax}%` })}>${v === scaleMax ? `${v} %+` : `${v} %`}</span>`,
            )}
          </div>`
        : nothing}
      <p class="muted small-text">
        Walking backwards stretches the hamstrings, calves and hip flexors; ${low}-${high} % of the time you spend walking forwards is
        suggested. Film a backward walk to count it.
      </p>
    </section>`;
  }

  private renderTrends(person: string, sessions: SessionMeta[]) {
    const series = [...trendSeries(sessions), backwardTrend(sessions)].filter((t) => t.points.length > 0);
    return html`<section class="card trends" data-testid="trends" aria-labelledby="trends-title">
      <h2 id="trends-title">Trends for ${person}</h2>
      <p class="muted small-text">
        ${sessions.length} sessions, oldest on the left. Green: the healthy range (for backward walking, the suggested 10-25 % of forward
        time, as a running total); bars: the 95 % uncertainty of each session's value, where its report gave one.
      </p>
      <div class="trend-grid">${series.map((t) => html`<gait-trend-chart .series=${t}></gait-trend-chart>`)}</div>
    </section>`;
  }

  private renderSession(s: SessionMeta) {
    const selected = this.selected.includes(s.id);
    return html`<li class="card ${selected ? 'selected' : ''}" data-testid="session" data-session-id=${s.id}>
      <div class="head">
        <span class="date">${formatDate(s.createdAt)} · <span class="person-tag" data-testid="session-person-name">${personOf(s)}</span></span>
        <span class="muted small-text">${s.sourceName}${s.hasVideo ? ' · video kept' : ''}${s.eventsEdited ? html` · <span class="edited" data-testid="session-events-edited">events edited by hand</span>` : nothing}</span>
      </div>
      <p class="note">${s.note ? s.note : html`<span class="muted">No note</span>`}</p>
      ${keyNumbersList(s.keyNumbers)}
      <div class="actions">
        <a class="btn small primary" data-testid="session-open" href=${routeHash({ name: 'session', id: s.id })}>Open</a>
        <label class="compare-check">
          <input type="checkbox" data-testid="session-compare" .checked=${selected} @change=${(e: Event) => this.toggle(s.id, (e.target as HTMLInputElement).checked)} />
          Compare
        </label>
        ${this.confirming === s.id
          ? html`<span class="confirm" role="group" aria-label="Confirm deletion">
              Delete this session for good?
              <button class="btn small danger" data-testid="session-delete-confirm" @click=${() => this.deleteOne(s)}>Delete</button>
              <button class="btn small" @click=${() => (this.confirming = null)}>Keep</button>
            </span>`
          : html`<button class="btn small danger" data-testid="session-delete" @click=${() => (this.confirming = s.id)}>Delete…</button>`}
      </div>
    </li>`;
  }

  override render() {
    const sessions = this.sessions;
    return html`
      <section aria-labelledby="history-title">
        <div class="top">
          <h1 id="history-title" tabindex="-1">History</h1>
          <span class="muted small-text">Stored in this browser only.</span>
        </div>
        <p role="status" class=${this.status ? 'status' : ''}>${this.status}</p>
        ${this.loadError ? html`<div class="alert" role="alert" data-testid="error"><h2>History unavailable</h2><p>${this.loadError}</p></div>` : nothing}
        ${this.storageWarning ? html`<div class="notice" role="alert" data-testid="storage-warning">${this.storageWarning}</div>` : nothing}
        ${sessions === null
          ? html`<p class="muted">Loading…</p>`
          : sessions.length === 0
            ? html`<div class="card empty">
                  <p>No saved sessions yet. After an analysis, use "Save to history" to keep it here and follow your progress.</p>
                  <a class="btn primary" href="#/">Analyse a walk</a>
                </div>
                ${this.renderBackup(null, 0)}`
            : this.renderSessions(sessions)}
      </section>
    `;
  }

  private renderSessions(all: SessionMeta[]) {
    const people = peopleOf(all);
    const filter = people.includes(this.personFilter) ? this.personFilter : '';
    const sessions = filter ? all.filter((s) => personOf(s) === filter) : all;
    const trendPerson = filter || (people.length === 1 ? people[0] : '');
    return html`
      ${people.length > 1 || people[0] !== DEFAULT_PERSON
        ? html`<div class="filter">
            <label for="person-filter">Person</label>
            <select id="person-filter" data-testid="person-filter" @change=${(e: Event) => (this.personFilter = (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!filter}>Everyone (${all.length})</option>
              ${people.map((p) => html`<option value=${p} ?selected=${p === filter}>${p} (${all.filter((s) => personOf(s) === p).length})</option>`)}
            </select>
          </div>`
        : nothing}
      ${trendPerson && sessions.length >= 2 ? this.renderTrends(trendPerson, sessions) : nothing}
      ${this.renderShare(sessions)}
      <h2>${sessions.length} saved session${sessions.length === 1 ? '' : 's'}</h2>
      ${sessions.length >= 2
        ? html`<div class="compare-bar">
            <span>${this.selected.length === 2 ? 'Two sessions chosen.' : `Tick two sessions to compare them (${this.selected.length} of 2).`}</span>
            ${this.selected.length === 2
              ? html`<a class="btn primary" data-testid="compare-selected" href=${this.compareHash()}>Compare side by side</a>`
              : html`<button class="btn" data-testid="compare-selected" disabled>Compare side by side</button>`}
          </div>`
        : nothing}
      <ol>
        ${sessions.map((s) => this.renderSession(s))}
      </ol>
      ${this.renderBackup(filter || null, sessions.length)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gait-history': GaitHistory;
  }
}
