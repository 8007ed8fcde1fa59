import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { analyzeTrack } from '../../../core/analyze';
import { parsePoseTrack } from '../../../core/format/validatePoseTrack';
import type { GaitPoseTrack } from '../../../core/format/poseTrack';
import type { GaitReport, Side } from '../../../core/format/report';
import { reportEvents } from '../../../core/events/override';
import type { SideEvents } from '../../../core/events/detector';
import type { Measurement } from '../../../core/export/measurements';
import type { PersonCandidate } from '../../../contracts';
import { getSession } from '../../history/store';
import { personOf } from '../../history/trends';
import { describeError, isCancelled, TrackFileError, type UserError } from '../describeError';
import { demoVideoUrl, loadProcessVideo } from '../optional';
import type { ChosenFile, ModelChoice } from '../homeView';
import type { ProcessingProgress } from '../processingView';

/** What is being analysed; kept after a failure so the user can retry without choosing it again. */
export type AnalysisInput =
  | { kind: 'video'; file: Blob; name: string; sourceKind: 'video' | 'webcam' }
  | { kind: 'track'; track: GaitPoseTrack; name: string };

export interface Analysis {
  input: AnalysisInput | null;
  sourceName: string;
  report: GaitReport;
  track: GaitPoseTrack;
  videoBlob: Blob | null;
  videoUrl: string | null;
  people: PersonCandidate[];
  personId: number | null;
  /** Things the video pipeline wants shown beside the result (e.g. a file analysed in part). */
  warnings: string[];
  /** Set once saved (or when reopened from the history). */
  savedId: string | null;
  savedAt: number | null;
  note: string;
  /** The detector's events when the report's were corrected by hand (null: the report's are as detected). */
  detected: Record<Side, SideEvents> | null;
  /** The report changed (events corrected) or measurements were made since it was saved. */
  changedSinceSave: boolean;
  /** Angles and distances measured by hand on paused frames. */
  measurements: Measurement[];
}

export type Job =
  | { phase: 'idle' }
  | { phase: 'processing'; input: AnalysisInput; model: ModelChoice; progress: ProcessingProgress | null }
  | { phase: 'results'; analysis: Analysis }
  | { phase: 'error'; error: UserError; input: AnalysisInput | null; model: ModelChoice; people: PersonCandidate[]; personId: number | null; videoUrl: string | null };

export interface JobHooks {
  /** The model chosen now (a retry may pass another). */
  model(): ModelChoice;
  /** Remember a model the user switched to from an error. */
  setModel(model: ModelChoice): void;
  /** A new phase of the job is ready to show (go to the analysis view, or refocus it). */
  show(): void;
  /** Focus the current view's heading once rendered (a saved session opened, or failed to). */
  refocus(): void;
  /** The job was cancelled: leave the analysis view. */
  cancelled(): void;
  /** A new analysis or saved session replaces the current one (reset its note, person and toast). */
  replaced(note: string, person?: string): void;
  /** Whether the session with this id is still the one asked for (the user may have moved on). */
  stillWanted(id: string): boolean;
}

/** The events the detector found in a track whose saved report carries hand-corrected ones. */
function detectedEvents(track: GaitPoseTrack, report: GaitReport): Record<Side, SideEvents> | null {
  const { events: _edited, ...options } = report.options;
  try {
    return reportEvents(analyzeTrack(track, options));
  } catch {
    return null;
  }
}

/**
 * The analysis job (lit.dev's reactive-controller pattern): a video, the demo, a pose track or a
 * saved session in -> processing (with progress and cancel) -> the analysis, or a specific error
 * that keeps the input (and the people found) so the user can retry or pick another person.
 * Owns the object URLs of the videos it shows and revokes them when replaced.
 */
export class AnalysisJobController implements ReactiveController {
  private current: Job = { phase: 'idle' };
  private abort: AbortController | null = null;
  /** A saved session being opened from the history. */
  sessionLoading = false;
  sessionError: UserError | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly hooks: JobHooks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.abort?.abort();
  }

  get job(): Job {
    return this.current;
  }

  private set job(job: Job) {
    this.current = job;
    this.host.requestUpdate();
  }

  get analysis(): Analysis | null {
    return this.current.phase === 'results' ? this.current.analysis : null;
  }

  get processing(): boolean {
    return this.current.phase === 'processing';
  }

  /** Stops the work in progress, if any. */
  cancel(): void {
    this.abort?.abort();
  }

  /** The measurements made on the walk shown changed (kept or removed). */
  setMeasurements(measurements: Measurement[]): void {
    const a = this.analysis;
    if (!a) return;
    this.job = { phase: 'results', analysis: { ...a, measurements, changedSinceSave: a.savedId !== null } };
  }

  /** Why the last event edit could not be analysed ('' when it could). */
  editError = '';

  /**
   * Reruns the analysis of the walk shown from hand-corrected events (null: back to the detected
   * ones); no pose estimation, only events -> cycles -> phases -> metrics -> flags. An edit the
   * analysis cannot use (e.g. too few heel strikes left) keeps the previous result and says why.
   */
  editEvents(events: Record<Side, SideEvents> | null): void {
    const a = this.analysis;
    if (!a) return;
    const { events: _previous, ...options } = a.report.options;
    try {
      const report = analyzeTrack(a.track, events ? { ...options, events } : options);
      const detected = events ? (a.detected ?? reportEvents(a.report)) : null;
      this.editError = '';
      this.job = { phase: 'results', analysis: { ...a, report, detected, changedSinceSave: a.savedId !== null } };
    } catch (error) {
      this.editError = describeError(error).message;
      this.host.requestUpdate();
    }
  }

  private releaseResults(): void {
    const job = this.current;
    const url = job.phase === 'results' ? job.analysis.videoUrl : job.phase === 'error' ? job.videoUrl : null;
    if (url) URL.revokeObjectURL(url);
  }

  async chooseFile(chosen: ChosenFile): Promise<void> {
    if (chosen.kind === 'track') {
      await this.openTrackFile(chosen.file);
      return;
    }
    void this.runVideo({ kind: 'video', file: chosen.file, name: chosen.file.name, sourceKind: 'video' }, this.hooks.model());
  }

  /** A recording from the camera. */
  recorded(blob: Blob, name: string): void {
    void this.runVideo({ kind: 'video', file: blob, name, sourceKind: 'webcam' }, this.hooks.model());
  }

  async startDemo(): Promise<void> {
    const url = await demoVideoUrl();
    if (!url) {
      this.showError(new Error('the demo walk is missing from this build'), null, this.hooks.model());
      return;
    }
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`the demo walk could not be loaded (HTTP ${response.status})`);
      const blob = await response.blob();
      void this.runVideo({ kind: 'video', file: blob, name: 'Demo walk (healthy, left to right)', sourceKind: 'video' }, this.hooks.model());
    } catch (error) {
      this.showError(error, null, this.hooks.model());
    }
  }

  private async openTrackFile(file: File): Promise<void> {
    let input: AnalysisInput | null = null;
    try {
      const parsed = parsePoseTrack(await file.text());
      if (!parsed.ok) throw new TrackFileError(parsed.error);
      input = { kind: 'track', track: parsed.track, name: file.name };
      this.finish(input, parsed.track, analyzeTrack(parsed.track), { people: [], personId: null, videoBlob: null });
    } catch (error) {
      this.showError(error, input, this.hooks.model());
    }
  }

  private async runVideo(input: Extract<AnalysisInput, { kind: 'video' }>, model: ModelChoice, person?: { people: PersonCandidate[]; personId: number }): Promise<void> {
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.releaseResults();
    this.job = { phase: 'processing', input, model, progress: null };
    this.hooks.replaced('');
    this.hooks.show();
    try {
      const processVideoFile = await loadProcessVideo();
      const result = await processVideoFile(input.file, input.name, {
        model,
        signal: abort.signal,
        sourceKind: input.sourceKind,
        ...(person ? { people: person.people, personId: person.personId } : {}),
        onProgress: (progress) => {
          const job = this.current;
          if (this.abort === abort && job.phase === 'processing') this.job = { ...job, progress: { ...progress, backend: progress.backend ?? job.progress?.backend } };
        },
      });
      if (this.abort !== abort) return;
      const job = this.current;
      if (job.phase === 'processing') this.job = { ...job, progress: { stage: 'analysing', framesDone: 1, framesTotal: 1, fps: 0, etaS: 0, backend: result.backend } };
      let report: GaitReport;
      try {
        report = analyzeTrack(result.track);
      } catch (error) {
        // Keep the people found: the walker may simply be the wrong person.
        this.showError(error, input, model, { people: result.people, personId: result.personId });
        return;
      }
      this.finish(input, result.track, report, { people: result.people, personId: result.personId, videoBlob: input.file, warnings: result.warnings ?? [] });
    } catch (error) {
      if (this.abort !== abort) return;
      if (isCancelled(error) || abort.signal.aborted) {
        this.job = { phase: 'idle' };
        this.hooks.cancelled();
        return;
      }
      this.showError(error, input, model, person ?? null);
    } finally {
      if (this.abort === abort) this.abort = null;
    }
  }

  private finish(
    input: AnalysisInput,
    track: GaitPoseTrack,
    report: GaitReport,
    o: { people: PersonCandidate[]; personId: number | null; videoBlob: Blob | null; warnings?: string[] },
  ): void {
    this.releaseResults();
    this.editError = '';
    this.job = {
      phase: 'results',
      analysis: {
        input,
        sourceName: input.name,
        report,
        track,
        videoBlob: o.videoBlob,
        videoUrl: o.videoBlob ? URL.createObjectURL(o.videoBlob) : null,
        people: o.people,
        personId: o.personId,
        warnings: o.warnings ?? [],
        savedId: null,
        savedAt: null,
        note: '',
        detected: null,
        changedSinceSave: false,
        measurements: [],
      },
    };
    this.hooks.replaced('');
    this.hooks.show();
  }

  private showError(error: unknown, input: AnalysisInput | null, model: ModelChoice, people: { people: PersonCandidate[]; personId: number | null } | null = null): void {
    this.releaseResults();
    const videoUrl = input?.kind === 'video' && people && people.people.length > 1 ? URL.createObjectURL(input.file) : null;
    this.job = { phase: 'error', error: describeError(error), input, model, people: people?.people ?? [], personId: people?.personId ?? null, videoUrl };
    this.hooks.show();
  }

  choosePerson(personId: number): void {
    const job = this.current;
    const input = job.phase === 'results' ? job.analysis.input : job.phase === 'error' ? job.input : null;
    const people = job.phase === 'results' ? job.analysis.people : job.phase === 'error' ? job.people : [];
    if (!input || input.kind !== 'video' || people.length === 0) return;
    const model = job.phase === 'error' ? job.model : this.hooks.model();
    void this.runVideo(input, model, { people, personId });
  }

  retry(model: ModelChoice | undefined): void {
    const job = this.current;
    if (job.phase !== 'error' || !job.input) return;
    if (job.input.kind === 'track') {
      const input = job.input;
      try {
        this.finish(input, input.track, analyzeTrack(input.track), { people: [], personId: null, videoBlob: null });
      } catch (error) {
        this.showError(error, input, this.hooks.model());
      }
      return;
    }
    if (model) this.hooks.setModel(model);
    void this.runVideo(job.input, model ?? job.model, job.people.length && job.personId !== null ? { people: job.people, personId: job.personId } : undefined);
  }

  /** A saved session from the history (#/session/<id>). */
  async openSaved(id: string): Promise<void> {
    this.sessionLoading = true;
    this.sessionError = null;
    this.host.requestUpdate();
    try {
      const saved = await getSession(id);
      if (!this.hooks.stillWanted(id)) return;
      if (!saved) {
        this.sessionError = { code: 'unexpected', title: 'Session not found', message: 'This session is no longer saved on this device.', hint: 'It may have been deleted, or saved in another browser.' };
        return;
      }
      this.releaseResults();
      this.editError = '';
      this.job = {
        phase: 'results',
        analysis: {
          input: null,
          sourceName: saved.sourceName,
          report: saved.report,
          track: saved.track,
          videoBlob: saved.video,
          videoUrl: saved.video ? URL.createObjectURL(saved.video) : null,
          people: [],
          personId: null,
          warnings: [],
          savedId: saved.id,
          savedAt: saved.createdAt,
          note: saved.note,
          detected: saved.report.options.events ? detectedEvents(saved.track, saved.report) : null,
          changedSinceSave: false,
          measurements: saved.measurements ?? [],
        },
      };
      this.hooks.replaced(saved.note, personOf(saved));
    } catch (error) {
      this.sessionError = describeError(error);
    } finally {
      this.sessionLoading = false;
      this.host.requestUpdate();
      this.hooks.refocus();
    }
  }
}
