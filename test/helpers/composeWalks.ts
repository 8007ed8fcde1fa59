/**
 * A recording made of several synthetic walks in a row with stops between them, as a person films
 * "walk forwards across, stop, walk backwards back": each walk starts where the previous one ended;
 * during a stop the walker stands in its last pose (with the same keypoint jitter as the walks when
 * they are noisy). Truth events are those of the walks, shifted in time; a stop has none.
 */
import type { GaitPoseTrack, Keypoint, PoseFrame } from '../../src/core/format/poseTrack';
import { KP } from '../../src/core/format/poseTrack';
import { synthesizeWalk, gaussianSource, mulberry32, type SynthOptions, type SyntheticWalk } from '../../src/synth';
import type { Side } from '../../src/core/format/report';

export interface ComposedWalk {
  track: GaitPoseTrack;
  /** Each walk with its time offset in the composed track. */
  parts: { walk: SyntheticWalk; offset: number }[];
  stops: [number, number][];
  events: Record<Side, { heelStrikes: number[]; toeOffs: number[] }>;
}

export function composeWalks(walks: SynthOptions[], stopS: number, jitterPx = 0, seed = 1): ComposedWalk {
  const gauss = gaussianSource(mulberry32(seed));
  const frames: PoseFrame[] = [];
  const parts: ComposedWalk['parts'] = [];
  const stops: [number, number][] = [];
  let offset = 0;
  let startX: number | undefined;
  let first: SyntheticWalk | null = null;
  for (const [i, options] of walks.entries()) {
    const walk = synthesizeWalk({ ...options, ...(startX !== undefined ? { startX } : {}) });
    first ??= walk;
    const dt = 1 / walk.track.fps;
    parts.push({ walk, offset });
    for (const f of walk.track.frames) frames.push({ t: +(f.t + offset).toFixed(6), keypoints: f.keypoints.map((k) => [...k] as Keypoint) });
    const last = walk.track.frames[walk.track.frames.length - 1];
    const hipX = ((last.keypoints[KP.leftHip][0] ?? 0) + (last.keypoints[KP.rightHip][0] ?? 0)) / 2;
    startX = hipX;
    offset = frames[frames.length - 1].t + dt;
    if (i + 1 < walks.length) {
      const stopStart = offset;
      for (let t = 0; t < stopS; t += dt) {
        frames.push({
          t: +(offset + t).toFixed(6),
          keypoints: last.keypoints.map((k) => (k[0] === null || k[1] === null ? ([...k] as Keypoint) : [k[0] + jitterPx * gauss(), k[1] + jitterPx * gauss(), k[2]])),
        });
      }
      offset = frames[frames.length - 1].t + dt;
      stops.push([stopStart, offset]);
    }
  }
  const events = { left: { heelStrikes: [] as number[], toeOffs: [] as number[] }, right: { heelStrikes: [] as number[], toeOffs: [] as number[] } };
  for (const { walk, offset: o } of parts) {
    for (const side of ['left', 'right'] as const) {
      events[side].heelStrikes.push(...walk.truth.events[side].heelStrikes.map((t) => t + o));
      events[side].toeOffs.push(...walk.truth.events[side].toeOffs.map((t) => t + o));
    }
  }
  const track: GaitPoseTrack = { ...first!.track, width: Math.max(...parts.map((p) => p.walk.track.width)), frames };
  return { track, parts, stops, events };
}
