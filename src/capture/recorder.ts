/**
 * Records a camera stream to a video Blob with MediaRecorder, for the same full analysis as an
 * uploaded video (src/video: mediabunny demux + WebCodecs decode).
 */

/**
 * Preference order. VP8 first: the cheapest real-time encoder (the live pose loop shares the CPU)
 * and decodable everywhere WebCodecs is; then VP9 and plain WebM; MP4/H.264 for Safari, whose
 * MediaRecorder makes no WebM (and for Chrome >= 126 should WebM be missing).
 */
export const RECORDER_MIME_TYPES = [
  'video/webm;codecs=vp8',
  'video/webm;codecs=vp9',
  'video/webm',
  'video/mp4;codecs=avc1',
  'video/mp4',
] as const;

/** Enough detail for MoveNet at 720p without huge files (~30 MB a minute). */
const VIDEO_BITS_PER_SECOND = 4_000_000;
/** Collect data every second, so a recording survives a tab that is closed mid-way only partly. */
const TIMESLICE_MS = 1000;

export function pickRecorderMimeType(isTypeSupported: (type: string) => boolean = (t) => MediaRecorder.isTypeSupported(t)): string | null {
  return RECORDER_MIME_TYPES.find((type) => isTypeSupported(type)) ?? null;
}

export function extensionFor(mimeType: string): 'webm' | 'mp4' {
  return mimeType.includes('mp4') ? 'mp4' : 'webm';
}

/** e.g. "walk-2026-11-21-143005.webm" (local time). */
export function recordingName(date: Date, mimeType: string): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
  return `walk-${stamp}.${extensionFor(mimeType)}`;
}

export interface Recording {
  blob: Blob;
  name: string;
  mimeType: string;
  durationS: number;
}

export class CameraRecorder {
  private recorder: MediaRecorder | null = null;
  private chunks: Blob[] = [];
  private startedAt = 0;
  private startDate = new Date();

  static isSupported(): boolean {
    return typeof MediaRecorder !== 'undefined' && pickRecorderMimeType() !== null;
  }

  get recording(): boolean {
    return this.recorder?.state === 'recording';
  }

  /** Seconds since start (0 when not recording). */
  get elapsedS(): number {
    return this.recording ? (performance.now() - this.startedAt) / 1000 : 0;
  }

  start(stream: MediaStream): void {
    if (this.recording) return;
    const mimeType = pickRecorderMimeType();
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

  /** Stops and resolves with the whole recording. */
  stop(): Promise<Recording> {
    const recorder = this.recorder;
    if (!recorder || recorder.state === 'inactive') return Promise.reject(new Error('Not recording.'));
    const durationS = this.elapsedS;
    return new Promise((resolve, reject) => {
      recorder.addEventListener(
        'stop',
        () => {
          // The recorder's own type carries the codec it really used; the container is what matters.
          const mimeType = (recorder.mimeType || 'video/webm').split(';')[0];
          const blob = new Blob(this.chunks, { type: mimeType });
          this.chunks = [];
          this.recorder = null;
          resolve({ blob, name: recordingName(this.startDate, mimeType), mimeType, durationS });
        },
        { once: true },
      );
      recorder.addEventListener('error', (event) => reject((event as ErrorEvent).error ?? new Error('Recording failed.')), { once: true });
      recorder.stop();
    });
  }

  /** Stops without keeping anything (element removed, camera switched). */
  cancel(): void {
    const recorder = this.recorder;
    this.recorder = null;
    this.chunks = [];
    if (recorder && recorder.state !== 'inactive') recorder.stop();
  }
}
