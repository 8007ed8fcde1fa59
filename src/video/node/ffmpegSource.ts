/**
 * A FrameSource over ffmpeg/ffprobe for Node (the CLI): every decoded frame at its real
 * presentation time, upright (ffmpeg applies the container's rotation), as raw pixels.
 *
 * - ffprobe reads the stream (codec, size, rotation, duration, colour) and counts packets (no decoding).
 * - ffmpeg decodes to `-f rawvideo -pix_fmt yuv420p` (every frame, for tracking: crops are made
 *   from the planes) or `rgb24` (scouting: a frame a second, selected by ffmpeg, given whole to
 *   MultiPose) on stdout with `-fps_mode passthrough`
 *   (`-vsync passthrough` before ffmpeg 5.1: no frame dropped or duplicated for a constant rate); the `showinfo` filter prints each
 *   frame's pts_time on stderr, which is paired with the n-th frame on stdout.
 */
import { spawn, execFile } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { VideoInputError, type Box, type FrameRequest, type FrameSource, type FrameSourceInfo, type RawImage, type SourceFrame } from '../../contracts';
import { cropRgb } from './rgbCrop';
import { cropFromPlanes, type ColourInfo, type FrameGeometry, type PlaneLayoutLike } from '../shared/planarCrop';

export interface VideoProbe extends FrameSourceInfo {
  /** Degrees the container asks players to rotate by (0, 90, 180, 270); width/height are after it. */
  rotation: number;
  /** The container's start time: frame times are given from here. */
  startTimeS: number;
  /** Nominal frame rate (avg_frame_rate), for frames whose time ffmpeg does not print. */
  nominalFps: number;
  /** The YUV matrix and range, for converting yuv420p frames to RGB. */
  colour: ColourInfo;
}

/** ffmpeg/ffprobe are not installed (or not on PATH). */
export class FfmpegMissingError extends Error {
  constructor(tool: string) {
    super(`${tool} was not found. The video command decodes with ffmpeg: install it (Debian/Ubuntu: apt-get install ffmpeg; macOS: brew install ffmpeg).`);
    this.name = 'FfmpegMissingError';
  }
}

/**
 * Pixel buffers kept for reuse once their frame is released: the pipeline holds one frame at a time
 * (trackBuilder releases each before taking the next), so two cover it with one to spare. Without
 * reuse every frame allocated a new buffer (3 MB at 1080p) for the garbage collector to find.
 */
const SPARE_BUFFERS = 2;

/** A span's seek lands this much before its first frame (timestamps in containers are rounded). */
const SEEK_MARGIN_S = 0.05;

export interface OpenVideoOptions {
  /**
   * The pixels read for tracking (every frame): 'yuv420p' (default; half the bytes, no conversion
   * in ffmpeg) or 'rgb24' (ffmpeg converts the whole frame; for comparison in bench/cli.ts).
   */
  trackingPixels?: 'yuv420p' | 'rgb24';
}

export async function openVideoFile(path: string, options: OpenVideoOptions = {}): Promise<FrameSource> {
  const probe = await probeVideo(path);
  return new FfmpegFrameSource(path, probe, options.trackingPixels ?? 'yuv420p');
}

export async function probeVideo(path: string): Promise<VideoProbe> {
  if (!existsSync(path)) throw new Error(`No such file: ${path}`);
  if (statSync(path).isDirectory()) throw new Error(`${path} is a folder, not a video file.`);
  const name = basename(path);
  const { stdout, stderr, code } = await run('ffprobe', [
    '-v', 'error',
    '-count_packets',
    '-show_entries',
    'stream=index,codec_type,codec_name,width,height,nb_frames,nb_read_packets,duration,avg_frame_rate,r_frame_rate,color_space,color_range:stream_disposition=attached_pic:stream_side_data=rotation:stream_tags=rotate:format=format_name,duration,start_time',
    '-of', 'json',
    path,
  ]);
  if (code !== 0) throw probeError(name, stderr, looksLikeMedia(path));
  interface Stream {
    codec_type?: string; codec_name?: string; width?: number; height?: number; nb_frames?: string; nb_read_packets?: string;
    color_space?: string; color_range?: string;
    duration?: string; avg_frame_rate?: string; r_frame_rate?: string; disposition?: { attached_pic?: number };
    side_data_list?: { rotation?: number }[]; tags?: { rotate?: string };
  }
  let parsed: { streams?: Stream[]; format?: { duration?: string; start_time?: string; format_name?: string } };
  try {
    parsed = JSON.parse(stdout);
  } catch {
    throw new VideoInputError('corrupt', `${name}: ffprobe's answer could not be read.`);
  }
  const video = parsed.streams?.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  if (!video) {
    const what = parsed.streams?.some((s) => s.codec_type === 'audio') ? 'it has sound only' : 'it has no picture';
    throw new VideoInputError('no-video-track', `${name} has no video stream: ${what}.`, 'Choose a video file of the walk.');
  }
  const rotationRaw = video.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? Number(video.tags?.rotate ?? 0);
  const rotation = ((Math.round(rotationRaw / 90) * 90) % 360 + 360) % 360;
  const quarterTurn = rotation === 90 || rotation === 270;
  const codedWidth = video.width ?? 0;
  const codedHeight = video.height ?? 0;
  if (!codedWidth || !codedHeight) throw new VideoInputError('corrupt', `${name}: the video stream has no picture size.`);
  const nominalFps = rate(video.avg_frame_rate) || rate(video.r_frame_rate) || 30;
  const durationS = Number(video.duration) || Number(parsed.format?.duration) || 0;
  const frameCount = Number(video.nb_read_packets) || Number(video.nb_frames) || Math.round(durationS * nominalFps);
  return {
    name,
    width: quarterTurn ? codedHeight : codedWidth,
    height: quarterTurn ? codedWidth : codedHeight,
    durationS,
    frameCount,
    codec: video.codec_name ?? 'unknown',
    rotation,
    startTimeS: Number(parsed.format?.start_time) || 0,
    nominalFps,
    colour: { matrix: video.color_space === 'bt709' ? 'bt709' : null, fullRange: video.color_range === 'pc' },
  };
}

function probeError(name: string, stderr: string, mediaSignature: boolean): Error {
  const detail = stderr.trim().split('\n').pop()?.replace(/^.*?: /, '') ?? '';
  // A file that starts like a media container but cannot be read is damaged (a truncated MP4
  // lacks its index: "moov atom not found"); one that does not is not a video at all.
  if (mediaSignature) {
    return new VideoInputError('corrupt', `${name} is damaged or incomplete (${detail}).`, 'Copy or export the video again.');
  }
  return new VideoInputError('not-a-video', `${name} is not a video file ffmpeg can read (${detail}).`, 'Choose an MP4, MOV or WebM video.');
}

/** The first bytes of the file look like a video container (MP4/MOV, WebM/MKV, Ogg, AVI, MPEG-TS/PS). */
function looksLikeMedia(path: string): boolean {
  const head = Buffer.alloc(12);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 12, 0);
  } finally {
    closeSync(fd);
  }
  const ascii = (from: number, to: number) => head.subarray(from, to).toString('latin1');
  return (
    ['ftyp', 'moov', 'mdat', 'free', 'wide', 'skip'].includes(ascii(4, 8)) ||
    head.readUInt32BE(0) === 0x1a45dfa3 || // EBML: WebM, Matroska
    ascii(0, 4) === 'OggS' ||
    ascii(0, 4) === 'RIFF' ||
    head[0] === 0x47 || // MPEG-TS sync byte
    head.readUInt32BE(0) === 0x000001ba // MPEG-PS pack header
  );
}

function rate(text: string | undefined): number {
  if (!text) return 0;
  const [num, den] = text.split('/').map(Number);
  return den ? num / den : num || 0;
}

class FfmpegFrameSource implements FrameSource {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly durationS: number;
  readonly frameCount: number;
  readonly codec: string;
  private readonly running = new Set<ReturnType<typeof spawn>>();

  constructor(
    private readonly path: string,
    private readonly probe: VideoProbe,
    private readonly trackingPixels: 'yuv420p' | 'rgb24',
  ) {
    ({ name: this.name, width: this.width, height: this.height, durationS: this.durationS, frameCount: this.frameCount, codec: this.codec } = probe);
  }

  async *frames(options: FrameRequest = {}): AsyncIterable<SourceFrame> {
    const { minIntervalS = 0, signal, fromS = -Infinity, toS = Infinity } = options;
    const { width, height, startTimeS, nominalFps } = this.probe;
    // Tracking (every frame) reads yuv420p, half the bytes of rgb24 and no conversion in ffmpeg;
    // each crop converts only its own 192-256 px square (src/video/shared/planarCrop.ts).
    // Scouting (a frame a second, given to MultiPose whole) reads rgb24.
    const planar = minIntervalS === 0 && this.trackingPixels === 'yuv420p';
    const layout = planar ? i420Layout(width, height) : null;
    const frameBytes = layout ? layout.bytes : width * height * 3;
    // ffmpeg 5.1 renamed -vsync to -fps_mode and gave showinfo a switch for its (costly) checksums.
    const modern = (await ffmpegVersionNumber()) >= 5.1;
    // A span (fromS > 0): seek the input there (ffmpeg decodes from the key frame before it and
    // drops what comes before; -copyts keeps the file's own timestamps, so t stays the same as in a
    // whole pass). Frames are checked against the range below too.
    const seek = fromS > 0 ? ['-ss', (startTimeS + Math.max(0, fromS - SEEK_MARGIN_S)).toFixed(6), '-copyts'] : [];
    const filters = [
      // Scouting: let ffmpeg drop the frames it would skip, rather than convert and pipe them all.
      ...(minIntervalS > 0 ? [`select='isnan(prev_selected_t)+gte(t-prev_selected_t,${(minIntervalS - 1e-3).toFixed(4)})'`] : []),
      modern ? 'showinfo=checksum=0' : 'showinfo',
    ];
    const ffmpeg = spawnTool('ffmpeg', [
      '-hide_banner', '-nostats', '-nostdin', '-loglevel', 'info',
      ...seek,
      '-i', this.path,
      '-map', '0:v:0', '-an', '-sn', '-dn',
      '-vf', filters.join(','),
      ...(modern ? ['-fps_mode', 'passthrough'] : ['-vsync', 'passthrough']),
      '-f', 'rawvideo', '-pix_fmt', planar ? 'yuv420p' : 'rgb24', 'pipe:1',
    ]);
    this.running.add(ffmpeg);
    const times = new FrameTimes(ffmpeg.stderr!);
    const exited = new Promise<number>((resolve, reject) => {
      ffmpeg.on('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? new FfmpegMissingError('ffmpeg') : error));
      ffmpeg.on('close', (code) => resolve(code ?? 1));
    });
    exited.catch(() => undefined); // observed below
    const onAbort = () => ffmpeg.kill('SIGKILL');
    signal?.addEventListener('abort', onAbort);

    const spare: Uint8Array<ArrayBuffer>[] = [];
    let buffer = new Uint8Array(frameBytes);
    let filled = 0;
    let index = 0;
    let lastYieldedT = -Infinity;
    let stopped = false; // reached toS: ffmpeg is stopped, not failed
    try {
      for await (const chunk of ffmpeg.stdout! as AsyncIterable<Buffer>) {
        if (stopped) break;
        let offset = 0;
        while (offset < chunk.length) {
          const take = Math.min(frameBytes - filled, chunk.length - offset);
          buffer.set(chunk.subarray(offset, offset + take), filled);
          filled += take;
          offset += take;
          if (filled < frameBytes) break;
          filled = 0;
          const pts = await times.at(index);
          const t = Math.max(0, (pts ?? startTimeS + index / nominalFps) - startTimeS);
          index++;
          if (t < fromS - 1e-6) continue;
          if (t >= toS - 1e-6) {
            stopped = true;
            break;
          }
          // Scouting: skip frames too close to the last one given (1 ms slack for rounded times).
          if (t - lastYieldedT < minIntervalS - 1e-3) continue;
          lastYieldedT = t;
          const data = buffer;
          // The frame keeps its pixels until it is released; the next one gets a spare buffer.
          buffer = spare.pop() ?? new Uint8Array(frameBytes);
          let released = false;
          const release = () => {
            if (!released && spare.length < SPARE_BUFFERS) spare.push(data);
            released = true;
          };
          if (layout) yield planarFrame(t, data, layout, width, height, this.probe.colour, release);
          else {
            const image: RawImage = { data, width, height, channels: 3 };
            yield { t, image, crop: async (box, size) => cropRgb(image, box, size), release };
          }
        }
        if (stopped) break;
      }
      if (stopped) return;
      const code = await exited;
      if (signal?.aborted) throw new VideoInputError('cancelled', 'Cancelled.');
      if (code !== 0) {
        throw new VideoInputError(
          'corrupt',
          `${this.name} could not be decoded${index ? ` after ${index} frames` : ''}: ${times.errorTail() || `ffmpeg exited with ${code}`}`,
          'Copy or export the video again, or convert it to H.264 MP4.',
        );
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (ffmpeg.exitCode === null) ffmpeg.kill('SIGKILL');
      this.running.delete(ffmpeg);
    }
  }

  close(): void {
    for (const process of this.running) process.kill('SIGKILL');
    this.running.clear();
  }
}

interface I420Layout {
  planes: PlaneLayoutLike[];
  bytes: number;
}

/** ffmpeg's yuv420p rawvideo: Y, then U and V at half size (rounded up), each packed. */
function i420Layout(width: number, height: number): I420Layout {
  const cw = Math.ceil(width / 2);
  const ch = Math.ceil(height / 2);
  const ySize = width * height;
  return {
    planes: [
      { offset: 0, stride: width },
      { offset: ySize, stride: cw },
      { offset: ySize + cw * ch, stride: cw },
    ],
    bytes: ySize + 2 * cw * ch,
  };
}

/** A yuv420p frame: crops straight from its planes; the whole RGB image only if asked for. */
function planarFrame(t: number, data: Uint8Array, layout: I420Layout, width: number, height: number, colour: ColourInfo, release: () => void): SourceFrame {
  const geometry: FrameGeometry = { visibleWidth: width, visibleHeight: height, rotation: 0 };
  const rect = { x: 0, y: 0, width, height };
  const crop = (box: Box, size: number) => cropFromPlanes(data, layout.planes, 'I420', rect, geometry, box, size, colour);
  let whole: RawImage | null = null;
  return {
    t,
    // Rarely needed (tracking without a scouted person): converted on first use.
    get image(): RawImage {
      whole ??= wholeFrame(crop, width, height);
      return whole;
    },
    crop: async (box, size) => crop(box, size),
    release,
  };
}

/**
 * The whole frame as RGB: a square crop from the top-left corner at scale 1 (its pixels are the
 * frame's pixels), cut to the frame's width and height.
 */
function wholeFrame(crop: (box: Box, size: number) => RawImage, width: number, height: number): RawImage {
  const side = Math.max(width, height);
  const square = crop({ x: 0, y: 0, width: side, height: side }, side);
  if (side === width) return { data: square.data.subarray(0, width * height * 3), width, height, channels: 3 };
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) data.set(square.data.subarray(y * side * 3, (y * side + width) * 3), y * width * 3);
  return { data, width, height, channels: 3 };
}

/** Frame times from showinfo's lines on ffmpeg's stderr, in output order. */
class FrameTimes {
  private readonly times: number[] = [];
  private readonly errors: string[] = [];
  private pending = '';
  private ended = false;
  private wake: (() => void) | null = null;

  constructor(stderr: NodeJS.ReadableStream) {
    stderr.setEncoding('utf8');
    stderr.on('data', (text: string) => {
      const lines = (this.pending + text).split('\n');
      this.pending = lines.pop() ?? '';
      for (const line of lines) this.read(line);
      this.notify();
    });
    stderr.on('end', () => {
      this.read(this.pending);
      this.ended = true;
      this.notify();
    });
  }

  /** The n-th frame's pts in seconds; null if ffmpeg never printed it. */
  async at(n: number): Promise<number | null> {
    while (this.times.length <= n && !this.ended) await new Promise<void>((resolve) => (this.wake = resolve));
    return this.times[n] ?? null;
  }

  errorTail(): string {
    return this.errors.slice(-2).join(' / ');
  }

  private read(line: string): void {
    const match = /\bn:\s*\d+\s+pts:\s*-?\d+\s+pts_time:(-?[\d.e+-]+)/.exec(line);
    if (match && line.includes('showinfo')) this.times.push(Number(match[1]));
    else if (/error|invalid|corrupt/i.test(line)) this.errors.push(line.replace(/^\[[^\]]*\]\s*/, '').trim());
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

let ffmpegVersion: Promise<number> | null = null;

/** ffmpeg's version as major + minor / 10, e.g. 5.1 (git builds, which name no version, count as new). */
function ffmpegVersionNumber(): Promise<number> {
  ffmpegVersion ??= run('ffmpeg', ['-version']).then(({ stdout }) => {
    const match = /^ffmpeg version n?(\d+)\.(\d)/.exec(stdout);
    return match ? Number(match[1]) + Number(match[2]) / 10 : Infinity;
  });
  return ffmpegVersion;
}

function spawnTool(tool: string, args: string[]): ReturnType<typeof spawn> {
  const child = spawn(tool, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.on('error', () => undefined); // reported through the 'error' listener of the caller / run()
  return child;
}

function run(tool: string, args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve, reject) => {
    execFile(tool, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new FfmpegMissingError(tool));
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ stdout, stderr, code });
    });
  });
}
