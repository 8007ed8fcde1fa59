/**
 * Recording a camera stream to a video file for the same full analysis as an uploaded video
 * (src/video: mediabunny demux + WebCodecs decode). Two recorders share one interface
 * (./recording.ts):
 * - WebCodecsRecorder (./webCodecsRecorder.ts): every camera frame with its capture timestamp,
 *   encoded by WebCodecs and muxed by mediabunny; the default where the browser has it.
 * - MediaRecorderRecorder (./mediaRecorderRecorder.ts): the fallback (Safari, Firefox).
 * `createRecorder('auto')` starts the first and falls back to the second if it cannot start.
 */
import { MediaRecorderRecorder } from './mediaRecorderRecorder';
import type { CameraRecorder, Recording, RecorderLag } from './recording';
import { WebCodecsRecorder } from './webCodecsRecorder';

export type RecorderKind = 'auto' | 'webcodecs' | 'mediarecorder';

/** Tries WebCodecs, and MediaRecorder where WebCodecs cannot record this stream. */
class AutoRecorder implements CameraRecorder {
  private inner: CameraRecorder | null = null;

  get kind(): string {
    return this.inner?.kind ?? 'auto';
  }

  get recording(): boolean {
    return this.inner?.recording ?? false;
  }

  get elapsedS(): number {
    return this.inner?.elapsedS ?? 0;
  }

  get lag(): RecorderLag | null {
    return this.inner?.lag ?? null;
  }

  async start(stream: MediaStream): Promise<void> {
    if (this.recording) return;
    if (WebCodecsRecorder.isSupported()) {
      const webCodecs = new WebCodecsRecorder();
      try {
        await webCodecs.start(stream);
        this.inner = webCodecs;
        return;
      } catch {
        webCodecs.cancel();
      }
    }
    this.inner = new MediaRecorderRecorder();
    await this.inner.start(stream);
  }

  stop(): Promise<Recording> {
    return this.inner ? this.inner.stop() : Promise.reject(new Error('Not recording.'));
  }

  cancel(): void {
    this.inner?.cancel();
  }
}

export function createRecorder(kind: RecorderKind = 'auto'): CameraRecorder {
  if (kind === 'webcodecs') return new WebCodecsRecorder();
  if (kind === 'mediarecorder') return new MediaRecorderRecorder();
  return new AutoRecorder();
}
