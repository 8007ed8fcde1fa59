/**
 * The recording worker (./webCodecsRecorder.ts has the why and the figures): reads the camera's
 * frames from a transferred MediaStreamTrackProcessor stream (Chromium then delivers them to this
 * thread without passing through the page's main thread), encodes each with WebCodecs at its
 * capture timestamp and muxes them with mediabunny. A frame is never dropped to make room for
 * anything else: when the encoder falls behind, frames wait in a queue (copied out of the camera's
 * few capture buffers first, or the camera itself would stall), up to MAX_BACKLOG frames.
 * Protocol: RecorderRequest / RecorderResponse in ./webCodecsRecorder.ts.
 */
/// <reference lib="webworker" />
import { BufferTarget, canEncodeVideo, Mp4OutputFormat, Output, VideoSample, VideoSampleSource, WebMOutputFormat, type VideoCodec } from 'mediabunny';
import type { RecorderCounts, RecorderRequest, RecorderResponse } from './webCodecsRecorder';

declare const self: DedicatedWorkerGlobalScope;

/** Frames that may wait for the encoder (2 s: ~80 MB at 720p) before frames are dropped after all. */
const MAX_BACKLOG = 60;
/** From this many frames waiting, a frame is copied before it waits (frees the camera's buffer). */
const COPY_FROM_BACKLOG = 2;
/** How often the page hears how far the encoder is behind (ms). */
const PROGRESS_MS = 250;

let session: Session | null = null;

function post(message: RecorderResponse, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

class Session {
  private readonly target = new BufferTarget();
  private readonly output: Output;
  private readonly source: VideoSampleSource;
  private reader: ReadableStreamDefaultReader<VideoFrame> | null = null;
  private submitted = 0;
  private encoded = 0;
  private dropped = 0;
  private firstTimestampUs: number | null = null;
  /** Frames read and not yet handed to the encoder. */
  private readonly waiting: VideoFrame[] = [];
  private encoderIdle = true;
  /** Settles when the frames waiting now are encoded. */
  private drained: Promise<void> = Promise.resolve();
  private missed = 0;
  private lastReadUs: number | null = null;
  private failure: unknown = null;
  private reading: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    readonly codec: VideoCodec,
    bitrate: number,
    private readonly frameIntervalUs: number,
  ) {
    // WebM takes VP8 and VP9 only; H.264 goes in an MP4 (index first, for playback while loading).
    this.output = new Output({
      format: codec === 'avc' ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(),
      target: this.target,
    });
    this.source = new VideoSampleSource({
      codec,
      bitrate,
      latencyMode: 'realtime',
      // A camera may change size mid-recording (a phone turned): fit it into the first size.
      sizeChangeBehavior: 'contain',
      onEncodedPacket: () => void this.encoded++,
    });
    this.output.addVideoTrack(this.source);
  }

  /** Gets the file ready to take frames. */
  async prepare(): Promise<void> {
    await this.output.start();
  }

  /** Starts taking the camera's frames. */
  attach(readable: ReadableStream<VideoFrame>): void {
    const reader = readable.getReader();
    this.reader = reader;
    this.reading = this.read(reader);
    this.timer = setInterval(() => post({ type: 'progress', ...this.counts() }), PROGRESS_MS);
  }

  get mimeType(): string {
    return this.codec === 'avc' ? 'video/mp4' : 'video/webm';
  }

  counts(): RecorderCounts {
    return { frames: this.encoded, backlog: this.waiting.length + this.submitted - this.encoded, dropped: this.dropped, missed: this.missed };
  }

  /**
   * Takes every frame as soon as it comes (the processor drops frames that wait too long), apart
   * from the encoding, which may lag: the encoder's first frame alone takes a few hundred ms.
   */
  private async read(reader: ReadableStreamDefaultReader<VideoFrame>): Promise<void> {
    for (;;) {
      const { value: frame, done } = await reader.read();
      if (done) break;
      this.countMissed(frame.timestamp);
      const backlog = this.counts().backlog;
      if (this.failure || backlog >= MAX_BACKLOG) {
        frame.close();
        if (!this.failure) this.dropped++;
        continue;
      }
      this.waiting.push(backlog >= COPY_FROM_BACKLOG ? await copyOf(frame) : frame);
      if (this.encoderIdle) this.drained = this.encode();
    }
    await this.drained;
  }

  /** Frames the camera made that never reached this worker, from the gaps in the capture timestamps. */
  private countMissed(timestampUs: number): void {
    if (this.lastReadUs !== null) this.missed += Math.max(0, Math.round((timestampUs - this.lastReadUs) / this.frameIntervalUs) - 1);
    this.lastReadUs = timestampUs;
  }

  /** Encodes the waiting frames in order until none is left (idle again in the same step as the last check). */
  private async encode(): Promise<void> {
    this.encoderIdle = false;
    try {
      for (let frame = this.waiting.shift(); frame; frame = this.waiting.shift()) {
        this.firstTimestampUs ??= frame.timestamp;
        const sample = new VideoSample(frame, { timestamp: (frame.timestamp - this.firstTimestampUs) / 1e6 });
        this.submitted++;
        try {
          if (!this.failure) await this.source.add(sample);
        } catch (error) {
          this.failure ??= error;
        } finally {
          sample.close();
          frame.close();
        }
      }
    } finally {
      this.encoderIdle = true;
    }
  }

  /** Stops reading, encodes what waits, writes the file. */
  async finish(): Promise<{ buffer: ArrayBuffer; counts: RecorderCounts }> {
    await this.reader?.cancel().catch(() => {});
    await this.reading.catch((error: unknown) => (this.failure ??= error));
    clearInterval(this.timer);
    if (this.failure) throw this.failure;
    await this.output.finalize();
    const buffer = this.target.buffer;
    if (!buffer || this.encoded === 0) throw new Error('The camera gave no frames to record.');
    return { buffer, counts: this.counts() };
  }
}

/** The frame's pixels in memory of our own, so the camera gets its capture buffer back at once. */
async function copyOf(frame: VideoFrame): Promise<VideoFrame> {
  const { format, codedWidth, codedHeight, displayWidth, displayHeight, visibleRect, colorSpace, timestamp } = frame;
  if (!format) return frame; // an opaque (GPU) frame: nothing to copy it into
  const data = new Uint8Array(frame.allocationSize());
  const layout = await frame.copyTo(data);
  frame.close();
  return new VideoFrame(data, { format, codedWidth, codedHeight, displayWidth, displayHeight, visibleRect: visibleRect ?? undefined, colorSpace, timestamp, layout });
}

async function pickCodec(codecs: readonly VideoCodec[], width: number, height: number, bitrate: number): Promise<VideoCodec | null> {
  for (const codec of codecs) {
    if (await canEncodeVideo(codec, { width, height, bitrate })) return codec;
  }
  return null;
}

/** Loads the encoder and the muxer before the camera's frames flow, so none wait on them. */
async function prepare(request: Extract<RecorderRequest, { type: 'prepare' }>): Promise<void> {
  try {
    const codec = await pickCodec(request.codecs, request.width, request.height, request.bitrate);
    if (!codec) throw new Error(`No video encoder here for ${request.codecs.join(', ')}.`);
    const prepared = new Session(codec, request.bitrate, 1e6 / request.frameRate);
    await prepared.prepare();
    session = prepared;
    post({ type: 'ready', codec, mimeType: prepared.mimeType });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

async function stop(): Promise<void> {
  const current = session;
  session = null;
  if (!current) {
    post({ type: 'error', message: 'Not recording.' });
    return;
  }
  try {
    const { buffer, counts } = await current.finish();
    post({ type: 'done', buffer, mimeType: current.mimeType, ...counts }, [buffer]);
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

self.onmessage = (event: MessageEvent<RecorderRequest>) => {
  const request = event.data;
  if (request.type === 'prepare') void prepare(request);
  else if (request.type === 'frames') session?.attach(request.readable);
  else if (request.type === 'stop') void stop();
};
