/** What every camera recorder (./recorder.ts) offers and hands back, and how a recording is named. */

export interface Recording {
  blob: Blob;
  name: string;
  mimeType: string;
  durationS: number;
}

/** How the recording keeps up with the camera, where the recorder can tell. */
export interface RecorderLag {
  /** Frames waiting for the encoder now. */
  backlog: number;
  /** Camera frames that never reached the recorder so far (gaps in the capture timestamps). */
  missed: number;
}

export interface CameraRecorder {
  /** Which recorder runs ('webcodecs' or 'mediarecorder'; 'auto' until started). */
  readonly kind: string;
  readonly recording: boolean;
  /** Seconds since start (0 when not recording). */
  readonly elapsedS: number;
  /** Null where the recorder cannot tell (MediaRecorder). */
  readonly lag: RecorderLag | null;
  /** Rejects when this recorder cannot record the stream here. */
  start(stream: MediaStream): Promise<void>;
  /** Stops and resolves with the whole recording, ready to play and seek. */
  stop(): Promise<Recording>;
  /** Stops without keeping anything (element removed, camera switched). */
  cancel(): void;
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

/** Seconds since a performance.now() start, 0 before a start. */
export function secondsSince(startedAt: number | null): number {
  return startedAt === null ? 0 : (performance.now() - startedAt) / 1000;
}
