/**
 * The fallback recorder (browsers without MediaStreamTrackProcessor or WebCodecs encoding:
 * Safari, Firefox): MediaRecorder, then a remux (./finalizeRecording.ts) so the file has a
 * duration and a seek index. MediaRecorder's encoder gives way to a busy CPU: on the 2-core test
 * machine it kept only part of the camera's frames (see ./webCodecsRecorder.ts for the figures).
 */
import { finalizeRecording } from './finalizeRecording';
import { recordingName, secondsSince, type CameraRecorder, type Recording } from './recording';

/**
 * Preference order: the cheapest encoder first, as measured in Chromium on 2 cores
 * (./webCodecsRecorder.ts): H.264 (~5 ms a 720p frame), VP9 (~10 ms), then VP8 (21-137 ms: it
 * kept only 8-12 of 30 fps); MP4/H.264 is also all that Safari's MediaRecorder makes.
 */
export const RECORDER_MIME_TYPES = [
  'video/mp4;codecs=avc1',
  'video/webm;codecs=vp9',
  'video/webm;codecs=vp8',
  'video/webm',
  'video/mp4',
] as const;

/** Enough detail for MoveNet at 720p without huge files (~30 MB a minute). */
export const VIDEO_BITS_PER_SECOND = 4_000_000;
/** Collect data every second, so a recording survives a tab that is closed mid-way only partly. */
const TIMESLICE_MS = 1000;

export function pickRecorderMimeType(
  isTypeSupported: (type: string) => boolean = (t) => MediaRecorder.isTypeSupported(t),
  mimeTypes: readonly string[] = RECORDER_MIME_TYPES,
): string | null {
  return mimeTypes.find((type) => isTypeSupported(type)) ?? null;
}

export class MediaRecorderRecorder implements CameraRecorder {
  readonly kind = 'mediarecorder';
  readonly lag = null;
  private recorder: MediaRecorder | null = null;
  private chunks: Blob[] = [];
  private startedAt: number | null = null;
  private startDate = new Date();

  constructor(private readonly mimeTypes: readonly string[] = RECORDER_MIME_TYPES) {}

  get recording(): boolean {
    return this.recorder?.state === 'recording';
  }

  get elapsedS(): number {
    return this.recording ? secondsSince(this.startedAt) : 0;
  }

  async start(stream: MediaStream): Promise<void> {
    if (this.recording) return;
    const mimeType = typeof MediaRecorder === 'undefined' ? null : pickRecorderMimeType(undefined, this.mimeTypes);
    if (!mimeType) throw new Error('This browser cannot record video (no MediaRecorder format for WebM or MP4).');
    this.chunks = [];
    this.recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: VIDEO_BITS_PER_SECOND });
    this.recorder.addEventListener('dataavailable', (event) => {
      if (event.data.size > 0) this.chunks.push(event.data);
    });
    this.recorder.start(TIMESLICE_MS);
    this.startedAt = performance.now();
    this.startDate = new Date();
  }

  async stop(): Promise<Recording> {
    const recorder = this.recorder;
    if (!recorder || recorder.state === 'inactive') throw new Error('Not recording.');
    const durationS = this.elapsedS;
    const raw = await new Promise<Blob>((resolve, reject) => {
      recorder.addEventListener(
        'stop',
        () => {
          // The recorder's own type carries the codec it really used; the container is what matters.
          const mimeType = (recorder.mimeType || 'video/webm').split(';')[0];
          resolve(new Blob(this.chunks, { type: mimeType }));
          this.chunks = [];
          this.recorder = null;
        },
        { once: true },
      );
      recorder.addEventListener('error', (event) => reject((event as ErrorEvent).error ?? new Error('Recording failed.')), { once: true });
      recorder.stop();
    });
    const blob = await finalizeRecording(raw);
    return { blob, name: recordingName(this.startDate, raw.type), mimeType: raw.type, durationS };
  }

  cancel(): void {
    const recorder = this.recorder;
    this.recorder = null;
    this.chunks = [];
    if (recorder && recorder.state !== 'inactive') recorder.stop();
  }
}
