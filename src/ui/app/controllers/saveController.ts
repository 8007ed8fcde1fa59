import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MAX_STORED_VIDEO_BYTES, saveSession, updateNote, updateSession } from '../../history/store';
import type { Analysis } from './analysisJob';
import type { ToastController } from './toastController';
import { DEFAULT_PERSON, personOf } from '../../history/trends';

const PERSON_KEY = 'gait-person';

function storedPerson(): string {
  try {
    return localStorage.getItem(PERSON_KEY) || DEFAULT_PERSON;
  } catch {
    return DEFAULT_PERSON;
  }
}

/**
 * Saving the analysis shown to the history (IndexedDB), or updating the note of a saved one, with
 * the outcome in the toast. Holds the note being typed.
 */
export class SaveController implements ReactiveController {
  note = '';
  /** Whose walk it is; the last one used is remembered for the next save. */
  person = storedPerson();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly toast: ToastController,
    /** Whether the history is the page shown (then the toast needs no link to it). */
    private readonly onHistoryPage: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  setPerson(person: string): void {
    this.person = person;
    try {
      localStorage.setItem(PERSON_KEY, person);
    } catch {
      // Storage may be blocked (private mode): the choice then lasts for this visit.
    }
    this.host.requestUpdate();
  }

  setNote(note: string): void {
    this.note = note;
    this.host.requestUpdate();
  }

  /** A new analysis or session is shown: its note (and person, for a saved one), and no stale toast. */
  reset(note: string, person?: string): void {
    this.note = note;
    if (person !== undefined) this.person = person;
    this.toast.clear();
    this.host.requestUpdate();
  }

  /** Saves `analysis` (or updates its note when already saved); `typedNote` wins over the field when given. */
  async save(analysis: Analysis, typedNote?: unknown): Promise<void> {
    const note = typeof typedNote === 'string' && typedNote.trim() ? typedNote : this.note;
    const link = !this.onHistoryPage();
    try {
      if (analysis.savedId && analysis.changedSinceSave) {
        await updateSession(analysis.savedId, analysis.report, analysis.measurements, note, this.person);
        analysis.note = note;
        analysis.changedSinceSave = false;
        this.toast.show('Changes saved to the history.', link);
        return;
      }
      if (analysis.savedId) {
        await updateNote(analysis.savedId, note, this.person);
        analysis.note = note;
        this.toast.show('Note updated in the history.', link);
        return;
      }
      const meta = await saveSession({ report: analysis.report, track: analysis.track, video: analysis.videoBlob, note, sourceName: analysis.sourceName, measurements: analysis.measurements, person: personOf({ person: this.person }) });
      analysis.savedId = meta.id;
      analysis.savedAt = meta.createdAt;
      analysis.note = meta.note;
      const videoNote =
        analysis.videoBlob && !meta.hasVideo ? ` The video (over ${Math.round(MAX_STORED_VIDEO_BYTES / 1e6)} MB) was not kept; the analysis and pose track were.` : '';
      this.toast.show(`Saved to the history on this device.${videoNote}`, link);
    } catch (error) {
      this.toast.show(`Could not save: ${error instanceof Error ? error.message : String(error)}. The browser may be out of storage or in private mode.`, false);
    } finally {
      this.host.requestUpdate();
    }
  }
}
