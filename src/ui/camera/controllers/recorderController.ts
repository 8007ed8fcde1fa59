import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createRecorder } from '../../../capture/recorder';
import type { CameraRecorder, RecorderLag, Recording } from '../../../capture/recording';

/** How often the elapsed time and the recorder's lag are read (ms). */
const TICK_MS = 250;

/**
 * The recording: starts and stops the recorder (WebCodecs, or MediaRecorder where it is missing:
 * src/capture/recorder.ts), keeps the elapsed time for the host, and reports the recorder's lag
 * every tick so the live pose can yield to it. Cancelled when the host leaves the page.
 */
export class RecorderController implements ReactiveController {
  elapsedS = 0;
  private recorder: CameraRecorder | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;
  /** Bumped by cancel, so a start still in progress is undone. */
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onLag: (lag: RecorderLag | null) => void = () => {},
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  get recording(): boolean {
    return this.recorder?.recording ?? false;
  }

  async start(stream: MediaStream): Promise<void> {
    if (this.recording) return;
    const generation = this.generation;
    const recorder = createRecorder();
    await recorder.start(stream);
    if (generation !== this.generation) {
      recorder.cancel();
      throw new Error('Recording was cancelled.');
    }
    this.recorder = recorder;
    this.elapsedS = 0;
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.host.requestUpdate();
  }

  /** Stops and resolves with the whole recording. */
  async stop(): Promise<Recording> {
    const recorder = this.recorder;
    if (!recorder?.recording) throw new Error('Not recording.');
    this.elapsedS = recorder.elapsedS;
    this.stopTimer();
    try {
      return await recorder.stop();
    } finally {
      this.recorder = null;
    }
  }

  /** Stops without keeping anything. */
  cancel(): void {
    this.generation++;
    this.stopTimer();
    this.recorder?.cancel();
    this.recorder = null;
  }

  private tick(): void {
    if (!this.recorder) return;
    this.elapsedS = this.recorder.elapsedS;
    this.onLag(this.recorder.lag);
    this.host.requestUpdate();
  }

  private stopTimer(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
