/**
 * A FrameSource over an uploaded file: mediabunny demuxes it (MP4, MOV, WebM, MKV, Ogg) and decodes
 * every frame with WebCodecs, in presentation order and at its real timestamp (variable frame rates
 * stay as they are). Runs in a Web Worker or a page; needs VideoDecoder and OffscreenCanvas.
 *
 * Every problem is reported as a VideoInputError before any frame is decoded where it can be
 * detected up front (not a media file, no video track, a codec this browser cannot decode, a
 * missing index); decoding that fails part-way is handled in frames() (see `DecodeFailure`).
 */
import {
  ALL_FORMATS,
  BlobSource,
  Input,
  IsobmffInputFormat,
  UnsupportedInputFormatError,
  VideoSampleSink,
  type InputVideoTrack,
  type VideoSample,
} from 'mediabunny';
import type { Box, FrameRequest, FrameSource, FrameSourceInfo, RawImage, SourceFrame } from '../../contracts';
import { placeCrop } from './cropGeometry';
import { copyRectFor, cropFromPlanes, PLANAR_FORMATS, type FrameGeometry, type PlanarFormat } from '../shared/planarCrop';
import { cancelled, corrupt, errorText, noVideoTrack, notAVideo, unsupportedCodec } from './videoErrors';

/**
 * A decoder that fails after this much video has been decoded ends the stream early (the decoded
 * part is analysed and `warnings` says so); before it, the file is reported as corrupt. 2 s is the
 * shortest clip the analysis accepts (trackBuilder's 'too-short').
 */
const MIN_USABLE_DECODED_S = 2;

/**
 * A pass whose last frame is further than this before the end the container announces means the
 * file was cut off (the index of a "fast start" MP4 survives truncation, its frames do not).
 */
const TRUNCATION_TOLERANCE_S = 0.5;
const TRUNCATION_TOLERANCE_FRAMES = 5;

/** Tolerance when comparing frame times with minIntervalS (timestamps are rounded in containers). */
const TIME_EPSILON_S = 1e-4;

export interface BlobFrameSource extends FrameSource {
  frames(options?: FrameRequest): AsyncIterable<BlobSourceFrame>;
  /** Things the user should know about a result from this source (e.g. a truncated file). */
  readonly warnings: string[];
  /** Whether a full pass ended early because the decoder failed (the rest of the file is unreadable). */
  readonly endedEarlyAtS: number | null;
}

export async function openBlobFrameSource(blob: Blob, name: string): Promise<BlobFrameSource> {
  if (blob.size === 0) throw notAVideo(name);
  const input = new Input({ source: new BlobSource(blob), formats: ALL_FORMATS });
  try {
    return await probe(input, blob, name);
  } catch (error) {
    input.dispose();
    throw error;
  }
}

async function probe(input: Input, blob: Blob, name: string): Promise<BlobFrameSource> {
  let format;
  try {
    format = await input.getFormat();
  } catch (error) {
    if (error instanceof UnsupportedInputFormatError) throw notAVideo(name);
    throw corrupt(name, `its container cannot be read (${errorText(error)}).`);
  }

  let tracks;
  let video: InputVideoTrack | null;
  try {
    tracks = await input.getTracks();
    video = await input.getPrimaryVideoTrack();
  } catch (error) {
    throw corrupt(name, `its list of tracks cannot be read (${errorText(error)}).`);
  }

  if (!video) {
    if (tracks.some((track) => track.isAudioTrack())) throw noVideoTrack(name);
    // mediabunny lists no track for a video codec it does not know inside Ogg (Theora).
    const sniffed = await sniffUnlistedVideoCodec(blob);
    if (sniffed) throw unsupportedCodec(name, sniffed);
    if (format instanceof IsobmffInputFormat) {
      throw corrupt(name, 'the index of the video (its "moov" box) is missing, so the file was probably cut off while copying or recording.');
    }
    throw corrupt(name, 'no audio or video track could be found in it.');
  }

  const codec = await video.getCodec();
  if (codec === null) {
    const internal = await video.getInternalCodecId().catch(() => null);
    throw unsupportedCodec(name, typeof internal === 'string' ? internal : 'unknown');
  }
  if (typeof VideoDecoder === 'undefined') {
    throw unsupportedCodec(name, codec);
  }
  // mediabunny asks VideoDecoder.isConfigSupported with the track's exact decoder configuration.
  if (!(await video.canDecode())) throw unsupportedCodec(name, codec);

  let width: number;
  let height: number;
  let durationS: number;
  let frameCount: number;
  let firstS: number;
  try {
    width = await video.getDisplayWidth();
    height = await video.getDisplayHeight();
    durationS = await video.computeDuration();
    firstS = Math.max(0, await video.getFirstTimestamp());
    durationS -= firstS;
    // Exact from an MP4/MOV sample table; a scan of the packet headers elsewhere (cheap, no decode).
    frameCount = (await video.computePacketStats()).packetCount;
  } catch (error) {
    throw corrupt(name, `its video track cannot be read (${errorText(error)}).`);
  }
  if (!(width > 0 && height > 0)) throw corrupt(name, 'its video track has no picture size.');

  return new MediabunnyFrameSource(input, video, { name, width, height, durationS, frameCount, codec, firstS });
}

/**
 * Looks for codec headers mediabunny does not list as tracks: Theora ("\x80theora" in its first
 * Ogg page) and Dirac ("BBCD"). Only the first 64 KiB are read.
 */
async function sniffUnlistedVideoCodec(blob: Blob): Promise<string | null> {
  const head = new Uint8Array(await blob.slice(0, 65536).arrayBuffer());
  const isOgg = startsWithBytes(head, 0, OGG_MAGIC);
  for (let i = 0; i < head.length; i++) {
    if (startsWithBytes(head, i, THEORA_HEADER)) return 'theora';
    if (isOgg && startsWithBytes(head, i, DIRAC_HEADER)) return 'dirac';
  }
  return null;
}

const bytes = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const OGG_MAGIC = bytes('OggS');
const THEORA_HEADER = bytes('\x80theora');
const DIRAC_HEADER = bytes('BBCD');

function startsWithBytes(data: Uint8Array, at: number, pattern: Uint8Array): boolean {
  if (at + pattern.length > data.length) return false;
  for (let j = 0; j < pattern.length; j++) if (data[at + j] !== pattern[j]) return false;
  return true;
}

interface SourceDescription extends FrameSourceInfo {
  /** Timestamp of the first frame (seconds, >= 0). */
  firstS: number;
}

class MediabunnyFrameSource implements BlobFrameSource {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly durationS: number;
  frameCount: number;
  readonly codec: string;
  private readonly firstS: number;
  readonly warnings: string[] = [];
  endedEarlyAtS: number | null = null;

  private readonly canvases: CanvasPool;
  private readonly outstanding = new Set<DecodedFrame>();

  constructor(
    private readonly input: Input,
    private readonly track: InputVideoTrack,
    description: SourceDescription,
  ) {
    this.name = description.name;
    this.width = description.width;
    this.height = description.height;
    this.durationS = description.durationS;
    this.frameCount = description.frameCount;
    this.codec = description.codec;
    this.firstS = description.firstS;
    this.canvases = new CanvasPool(this.width, this.height);
  }

  async *frames(options: FrameRequest = {}): AsyncIterable<BlobSourceFrame> {
    const { minIntervalS = 0, signal, fromS = -Infinity, toS = Infinity } = options;
    const ranged = fromS > -Infinity || toS < Infinity;
    const sink = new VideoSampleSink(this.track);
    // A span: mediabunny starts decoding at the key frame before fromS and yields from fromS on.
    const samples = ranged ? sink.samples(Math.max(0, fromS), toS) : sink.samples();
    let lastYieldedS = -Infinity;
    let lastDecodedS: number | null = null;
    let decoded = 0;
    try {
      while (true) {
        if (signal?.aborted) throw cancelled();
        let next: IteratorResult<VideoSample, void>;
        try {
          next = await samples.next();
        } catch (error) {
          if (signal?.aborted) throw cancelled();
          this.handleDecodeFailure(error, lastDecodedS);
          break;
        }
        if (next.done) break;
        const sample = next.value;
        decoded++;
        // Frames that end before zero are edit-list lead-in: never shown, so never analysed.
        if (sample.timestamp + sample.duration <= 0) {
          sample.close();
          continue;
        }
        lastDecodedS = sample.timestamp;
        if (sample.timestamp < fromS - TIME_EPSILON_S) {
          sample.close();
          continue;
        }
        if (sample.timestamp >= toS - TIME_EPSILON_S) {
          sample.close();
          break;
        }
        if (minIntervalS > 0 && sample.timestamp - lastYieldedS < minIntervalS - TIME_EPSILON_S) {
          sample.close();
          continue;
        }
        lastYieldedS = sample.timestamp;
        const frame = new DecodedFrame(sample, this.width, this.height, this.canvases, (done) => this.outstanding.delete(done));
        this.outstanding.add(frame);
        yield frame;
      }
      // A truncated file may just run out of packets, without any decoder error.
      if (!ranged && this.endedBeforeIndexSaysIt(lastDecodedS)) this.handleDecodeFailure(new Error('the data stops early'), lastDecodedS);
      // A full pass knows the real count (the container's may differ, e.g. with edit lists).
      if (!ranged && minIntervalS === 0 && decoded > 0) this.frameCount = decoded;
    } finally {
      // Frames the consumer did not release would hold decoder memory (and stall the decoder).
      for (const frame of [...this.outstanding]) frame.release();
      await samples.return(undefined).catch(() => undefined);
    }
  }

  close(): void {
    for (const frame of [...this.outstanding]) frame.release();
    this.input.dispose();
  }

  /** Whether the last decoded frame is well before the end the container's index announces. */
  private endedBeforeIndexSaysIt(lastDecodedS: number | null): boolean {
    const frameS = this.frameCount > 0 ? this.durationS / this.frameCount : 1 / 30;
    const toleranceS = Math.max(TRUNCATION_TOLERANCE_S, TRUNCATION_TOLERANCE_FRAMES * frameS);
    return (lastDecodedS ?? this.firstS) < this.firstS + this.durationS - toleranceS;
  }

  /**
   * Truncated or damaged data part-way: keep what decoded when it is enough to analyse (with a
   * warning), else report the file as corrupt.
   */
  private handleDecodeFailure(error: unknown, lastDecodedS: number | null): void {
    const decodedS = lastDecodedS ?? 0;
    if (lastDecodedS === null || decodedS < MIN_USABLE_DECODED_S) {
      throw corrupt(
        this.name,
        lastDecodedS === null
          ? `its video frames cannot be decoded (${errorText(error)}).`
          : `only the first ${decodedS.toFixed(1)} s of ${this.durationS.toFixed(1)} s can be decoded (${errorText(error)}), too little to analyse.`,
      );
    }
    if (this.endedEarlyAtS === null) {
      this.endedEarlyAtS = decodedS;
      this.warnings.push(
        `The video could only be read up to ${decodedS.toFixed(1)} s of ${this.durationS.toFixed(1)} s ` +
          '(the file seems cut off or damaged); the analysis covers that part.',
      );
    }
  }
}

/** Full-frame canvases, reused once the frame that drew into one is released; crop scratch canvases. */
class CanvasPool {
  private readonly free: OffscreenCanvas[] = [];
  constructor(
    private readonly width: number,
    private readonly height: number,
  ) {}

  take(): OffscreenCanvas {
    return this.free.pop() ?? new OffscreenCanvas(this.width, this.height);
  }

  give(canvas: OffscreenCanvas): void {
    if (this.free.length < 2) this.free.push(canvas);
  }

  /** One scratch canvas per crop size: crops are read back at once, so it is free again after. */
  cropContext(size: number): OffscreenCanvasRenderingContext2D {
    let context = this.cropContexts.get(size);
    if (!context) {
      context = context2d(new OffscreenCanvas(size, size));
      this.cropContexts.set(size, context);
    }
    return context;
  }

  private readonly cropContexts = new Map<number, OffscreenCanvasRenderingContext2D>();

  /** Crops from the frame's planes (fast) until that fails once; then with a canvas. */
  planarCrops = true;

  /** A byte buffer of at least `bytes` for copied pixels, reused between sequential crops. */
  takeScratch(bytes: number): Uint8Array {
    const buffer = this.scratchBuffer && this.scratchBuffer.length >= bytes ? this.scratchBuffer : new Uint8Array(bytes);
    if (buffer === this.scratchBuffer) this.scratchBuffer = null;
    return buffer;
  }

  giveScratch(buffer: Uint8Array): void {
    if (!this.scratchBuffer || this.scratchBuffer.length < buffer.length) this.scratchBuffer = buffer;
  }

  private scratchBuffer: Uint8Array | null = null;
}

/** Readback-friendly 2D context: pixels are read with getImageData on every frame. */
function context2d(canvas: OffscreenCanvas): OffscreenCanvasRenderingContext2D {
  const context = canvas.getContext('2d', { willReadFrequently: true, alpha: false });
  if (!context) throw new Error('OffscreenCanvas 2D context unavailable.');
  return context;
}

export type CropMethod = 'auto' | 'planes' | 'canvas';

/** A decoded frame of this source; `crop` can be told how to crop (checks, benchmarks). */
export interface BlobSourceFrame extends SourceFrame {
  crop(box: Box, size: number, method?: CropMethod): Promise<RawImage>;
}

class DecodedFrame implements BlobSourceFrame {
  readonly t: number;
  private fullFrame: OffscreenCanvas | null = null;
  private released = false;

  constructor(
    private readonly sample: VideoSample,
    private readonly width: number,
    private readonly height: number,
    private readonly canvases: CanvasPool,
    private readonly onRelease: (frame: DecodedFrame) => void,
  ) {
    this.t = sample.timestamp;
  }

  /**
   * The whole frame, upright (container rotation applied), drawn on first use: tracking only needs
   * crops, so most frames never pay for a full-size readback.
   */
  get image(): OffscreenCanvas {
    this.assertOpen();
    if (!this.fullFrame) {
      const canvas = this.canvases.take();
      this.sample.draw(context2d(canvas), 0, 0, this.width, this.height);
      this.fullFrame = canvas;
    }
    return this.fullFrame;
  }

  /** `method` is for checks and benchmarks; 'auto' takes the planes when it can. */
  async crop(box: Box, size: number, method: CropMethod = 'auto'): Promise<RawImage> {
    this.assertOpen();
    if (method === 'planes') return this.cropFromPlanes(box, size);
    if (method === 'auto' && this.canvases.planarCrops) {
      try {
        return await this.cropFromPlanes(box, size);
      } catch (error) {
        // A format or rectangle this browser's copyTo refuses: the canvas path works for all.
        this.canvases.planarCrops = false;
        console.warn(`Fast frame crops unavailable, using a canvas (${errorText(error)}).`);
      }
    }
    return this.cropWithCanvas(box, size);
  }

  /** Copies just the box's pixels out of the frame and samples them (see planarCrop.ts). */
  private async cropFromPlanes(box: Box, size: number): Promise<RawImage> {
    const sample = this.sample;
    const format = sample.format;
    const visible = sample.visibleRect;
    const squarePixels = sample.squarePixelWidth === visible.width && sample.squarePixelHeight === visible.height;
    if (format === null || !PLANAR_FORMATS.includes(format) || sample.flip || !squarePixels) {
      throw new Error(`frame format ${format ?? 'unknown'}${sample.flip ? ', flipped' : ''}${squarePixels ? '' : ', non-square pixels'}`);
    }
    const geometry: FrameGeometry = { visibleWidth: visible.width, visibleHeight: visible.height, rotation: sample.rotation };
    const rect = copyRectFor(geometry, box);
    if (!rect) return { data: new Uint8Array(size * size * 3), width: size, height: size, channels: 3 };
    const copyRect = { x: visible.left + rect.x, y: visible.top + rect.y, width: rect.width, height: rect.height };
    const buffer = this.canvases.takeScratch(sample.allocationSize({ rect: copyRect }));
    try {
      const layout = await sample.copyTo(buffer, { rect: copyRect });
      return cropFromPlanes(buffer, layout, format as PlanarFormat, rect, geometry, box, size, {
        matrix: sample.colorSpace.matrix,
        fullRange: sample.colorSpace.fullRange,
      });
    } finally {
      this.canvases.giveScratch(buffer);
    }
  }

  /** Draws the box on a canvas (any format, flips, non-square pixels) and reads it back. */
  private cropWithCanvas(box: Box, size: number): RawImage {
    const context = this.canvases.cropContext(size);
    context.fillStyle = '#000';
    context.fillRect(0, 0, size, size);
    const placement = placeCrop(box, this.width, this.height, size);
    if (placement) {
      const { source, target } = placement;
      // VideoSample.draw takes the source rectangle in display space and undoes rotation itself.
      this.sample.draw(context, source.x, source.y, source.width, source.height, target.x, target.y, target.width, target.height);
    }
    const pixels = context.getImageData(0, 0, size, size);
    return { data: pixels.data, width: size, height: size, channels: 4 };
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    this.sample.close();
    if (this.fullFrame) this.canvases.give(this.fullFrame);
    this.fullFrame = null;
    this.onRelease(this);
  }

  private assertOpen(): void {
    if (this.released) throw new Error(`Frame at ${this.t.toFixed(3)} s was used after release().`);
  }
}
