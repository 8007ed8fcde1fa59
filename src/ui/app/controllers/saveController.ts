import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MAX_STORED_VIDEO_BYTES, saveSession, updateNote, updateSession } from '../../history/store';
import type { Analysis } from './analysisJob';
import type { ToastController } from './toastController';
import { DEFAULT_PERSON, personOf } from '../../history/trends';
import { checkStorage, type StorageCheck } from '../../history/backup';

/** What the browser says about this site's storage (null where it cannot tell). */
async function storageEstimate(): Promise<{ usage?: number; quota?: number } | null> {
  try {
    return (await navigator.storage?.estimate?.()) ?? null;
  } catch {
    return null;
  }
}

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

  /** Whether the session fits in the browser's storage (its video, report and track, as JSON text). */
  private async checkRoom(analysis: Analysis): Promise<StorageCheck> {
    const video = !analysis.savedId && analysis.videoBlob && analysis.videoBlob.size <= MAX_STORED_VIDEO_BYTES ? analysis.videoBlob.size : 0;
    const data = analysis.savedId && !analysis.changedSinceSave ? 0 : JSON.stringify(analysis.report).length + (analysis.savedId ? 0 : JSON.stringify(analysis.track).length);
    return checkStorage(await storageEstimate(), video + data);
  }

  /** Saves `analysis` (or updates its note when already saved); `typedNote` wins over the field when given. */
  async save(analysis: Analysis, typedNote?: unknown): Promise<void> {
    const note = typeof typedNote === 'string' && typedNote.trim() ? typedNote : this.note;
    const link = !this.onHistoryPage();
    // Ask the browser for room first: a clear message beats a failed write.
    const storage = await this.checkRoom(analysis);
    if (storage.level === 'full') {
      this.toast.show(storage.message, false);
      return;
    }
    const warning = storage.level === 'nearly-full' ? ` ${storage.message}` : '';
    try {
      if (analysis.savedId && analysis.changedSinceSave) {
        await updateSession(analysis.savedId, analysis.report, analysis.measurements, note, this.person);
        analysis.note = note;
        analysis.changedSinceSave = false;
        this.toast.show(`Changes saved to the history.${warning}`, link);
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
      this.toast.show(`Saved to the history on this device.${videoNote}${warning}`, link);
    } catch (error) {
      this.toast.show(`Could not save: ${error instanceof Error ? error.message : String(error)}. The browser may be out of storage or in private mode.`, false);
    } finally {
      this.host.requestUpdate();
    }
  }
}
