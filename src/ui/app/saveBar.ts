import { LitElement, html, css, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sharedStyles } from '../styles/shared';
import { formatDate } from './historyView';
import { listSessions } from '../history/store';
import { peopleOf } from '../history/trends';

/**
 * The note and "Save to history" (or "Update the note") above the results. Fires `note-input`
 * ({ note }) as the user types and `save-session` (bubbling, composed) on the button.
 */
@customElement('gait-save-bar')
export class GaitSaveBar extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .save { display: flex; flex-wrap: wrap; align-items: flex-end; gap: var(--gait-space-2) var(--gait-space-3); padding: var(--gait-space-3); }
      .field { display: flex; flex-direction: column; gap: var(--gait-space-1); flex: 1 1 18rem; }
      .field.person { flex: 0 1 11rem; }
      input { width: 100%; }
      @media print { :host { display: none !important; } }
    `,
  ];

  @property() note = '';
  /** Whose walk it is (a name or code). */
  @property() person = '';
  /** People already in the history, offered as the person is typed. */
  @state() private people: string[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    listSessions()
      .then((sessions) => (this.people = peopleOf(sessions)))
      .catch(() => (this.people = []));
  }
  @property({ attribute: false }) savedId: string | null = null;
  @property({ attribute: false }) savedAt: number | null = null;
  /** The saved session's report changed (events corrected) and is not saved yet. */
  @property({ type: Boolean }) changed = false;
  /** The test id of the button (the results view has its own "Save to history" lower down). */
  @property() buttonTestId = 'save-session';

  /** A labelled text field that fires `event` with `{ [id]: value }` as the user types. */
  private field(o: { id: 'person' | 'note'; label: string; value: string; maxLength: number; event: string; list?: string; placeholder?: string }) {
    return html`<div class="field ${o.id}">
      <label for=${o.id}>${o.label}</label>
      <input
        id=${o.id}
        type="text"
        list=${o.list ?? nothing}
        data-testid="session-${o.id}"
        maxlength=${o.maxLength}
        autocomplete="off"
        placeholder=${o.placeholder ?? nothing}
        .value=${o.value}
        @input=${(e: Event) => this.dispatchEvent(new CustomEvent(o.event, { detail: { [o.id]: (e.target as HTMLInputElement).value } }))}
      />
    </div>`;
  }

  override render() {
    return html`<div class="card save">
      ${this.field({ id: 'person', label: 'Person', value: this.person, maxLength: 60, event: 'person-input', list: 'people' })}
      <datalist id="people">${this.people.map((p) => html`<option value=${p}></option>`)}</datalist>
      ${this.field({
        id: 'note',
        label: this.savedId ? 'Note for this saved session' : 'Note for the history (optional)',
        value: this.note,
        maxLength: 300,
        event: 'note-input',
        placeholder: 'e.g. before the exercises, new shoes, left knee sore',
      })}
      <button
        class="btn primary"
        data-testid=${this.buttonTestId}
        @click=${() => this.dispatchEvent(new CustomEvent('save-session', { bubbles: true, composed: true }))}
      >${this.savedId ? (this.changed ? 'Save the changes' : 'Update the note') : 'Save to history'}</button>
      ${this.savedId
        ? html`<span class="muted small-text" data-testid="save-state">${this.changed ? 'Changed since it was saved' : 'Saved in the history'}${this.savedAt ? `, ${formatDate(this.savedAt)}` : ''}.</span>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'gait-save-bar': GaitSaveBar;
  }
}
