/**
 * Browser side of scripts/capture-fps.ts: `window.captureFps.measure(options)` opens the camera the
 * way the app does, optionally runs the live pose loop beside it, records for a while with the
 * chosen recorder, and returns what the camera delivered and what the recording kept (frames and
 * timestamps read back with mediabunny), so the two can be compared.
 */
import { ALL_FORMATS, BlobSource, EncodedPacketSink, Input } from 'mediabunny';
import { openCamera, stopStream } from '../src/capture/camera';
import { LivePoseLoop } from '../src/capture/livePose';
import type { VideoCodec } from 'mediabunny';
import { MediaRecorderRecorder } from '../src/capture/mediaRecorderRecorder';
import type { CameraRecorder } from '../src/capture/recording';
import { WebCodecsRecorder } from '../src/capture/webCodecsRecorder';

export interface MeasureOptions {
  /** 'webcodecs:avc', 'mediarecorder:video/webm;codecs=vp8', ...; no format: the recorder's own choice. */
  recorder: string;
  seconds: number;
  /** Run the live pose loop (MoveNet Lightning in its worker) at this duty cycle; 0 = off. */
  poseShare: number;
}

export interface MeasureResult {
  recorder: string;
  mimeType: string;
  seconds: number;
  /** What the track says it runs at. */
  settingsFps: number | null;
  /** Frames the camera track produced while recording (MediaStreamTrack.stats), when the browser says. */
  cameraFrames: number | null;
  /** Frames the <video> presented (requestVideoFrameCallback) while recording: the main thread's view. */
  presentedFrames: number;
  recordedFrames: number;
  recordedSpanS: number;
  /** Largest gap between recorded frames, ms. */
  maxGapMs: number;
  /** Gaps over 50 ms: 'length ms@time s'. */
  gaps: string;
  poses: number;
  poseStatus: string;
  /** The WebCodecs recorder's own counts at the end. */
  recorderCounts: string;
}

async function readBack(blob: Blob): Promise<{ frames: number; spanS: number; maxGapMs: number; gaps: string }> {
  const input = new Input({ source: new BlobSource(blob), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryVideoTrack();
    if (!track) return { frames: 0, spanS: 0, maxGapMs: 0, gaps: '' };
    const times: number[] = [];
    for await (const packet of new EncodedPacketSink(track).packets(undefined, undefined, { metadataOnly: true })) times.push(packet.timestamp);
    times.sort((a, b) => a - b);
    let maxGap = 0;
    const gaps: string[] = [];
    for (let i = 1; i < times.length; i++) {
      const gap = times[i] - times[i - 1];
      maxGap = Math.max(maxGap, gap);
      if (gap > 0.05) gaps.push(`${(gap * 1000).toFixed(0)}@${times[i - 1].toFixed(2)}`);
    }
    return { frames: times.length, spanS: times.length > 1 ? times[times.length - 1] - times[0] : 0, maxGapMs: maxGap * 1000, gaps: gaps.join(' ') };
  } finally {
    input.dispose();
  }
}

function makeRecorder(spec: string): CameraRecorder {
  const [kind, format] = spec.split(/:(.*)/);
  if (kind === 'webcodecs') return format ? new WebCodecsRecorder([format as VideoCodec]) : new WebCodecsRecorder();
  return format ? new MediaRecorderRecorder([format]) : new MediaRecorderRecorder();
}

type TrackWithStats = MediaStreamTrack & { stats?: { totalFrames: number } };

async function measure(options: MeasureOptions): Promise<MeasureResult> {
  const stream = await openCamera({ facing: 'user' });
  const video = document.querySelector('video')!;
  video.srcObject = stream;
  await video.play().catch(() => {});
  const track = stream.getVideoTracks()[0] as TrackWithStats;
  let poses = 0;
  let poseStatus = 'off';
  let loop: LivePoseLoop | null = null;
  if (options.poseShare > 0) {
    let ready!: () => void;
    const isReady = new Promise<void>((resolve) => (ready = resolve));
    loop = new LivePoseLoop(
      video,
      () => poses++,
      (status) => {
        poseStatus = status.state === 'error' ? `error: ${status.message}` : status.state;
        if (status.state !== 'loading') ready();
      },
    );
    loop.setDutyCycle(options.poseShare);
    loop.start();
    await isReady;
  }
  // Let the camera settle.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  let presented = 0;
  let counting = true;
  const onFrame = () => {
    presented++;
    if (counting) video.requestVideoFrameCallback(onFrame);
  };
  const recorder = makeRecorder(options.recorder);
  const statsBefore = track.stats?.totalFrames ?? null;
  await recorder.start(stream);
  video.requestVideoFrameCallback(onFrame);
  poses = 0;
  await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000));
  const statsAfter = track.stats?.totalFrames ?? null;
  counting = false;
  const recording = await recorder.stop();
  loop?.stop();
  stopStream(stream);
  const back = await readBack(recording.blob);
  return {
    recorder: recorder.kind,
    mimeType: recording.mimeType,
    seconds: options.seconds,
    settingsFps: track.getSettings().frameRate ?? null,
    cameraFrames: statsBefore !== null && statsAfter !== null ? statsAfter - statsBefore : null,
    presentedFrames: presented,
    recordedFrames: back.frames,
    recordedSpanS: back.spanS,
    maxGapMs: back.maxGapMs,
    gaps: back.gaps,
    poses,
    poseStatus,
    recorderCounts: recorder instanceof WebCodecsRecorder ? `${recorder.codec}: ${JSON.stringify(recorder.counts)}` : '',
  };
}

(window as unknown as { captureFps: { measure: typeof measure } }).captureFps = { measure };
