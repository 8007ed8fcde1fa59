/**
 * A pose track re-sampled at another frame rate (linear interpolation of every keypoint between
 * the two nearest source frames), as a camera at that rate would have seen the same walk. Used to
 * judge the analysis on motion capture (60-250 Hz) at a phone's 30 fps. Pure.
 */
import type { GaitPoseTrack, Keypoint, PoseFrame } from '../core/format/poseTrack';

export function resampleTrack(track: GaitPoseTrack, fps: number): GaitPoseTrack {
  const src = track.frames;
  if (src.length < 2) return track;
  const t0 = src[0].t;
  const t1 = src[src.length - 1].t;
  const frames: PoseFrame[] = [];
  let j = 0;
  for (let k = 0; t0 + k / fps <= t1 + 1e-9; k++) {
    const t = t0 + k / fps;
    while (j + 2 < src.length && src[j + 1].t < t) j++;
    const a = src[j];
    const b = src[Math.min(j + 1, src.length - 1)];
    const u = b.t > a.t ? Math.max(0, Math.min(1, (t - a.t) / (b.t - a.t))) : 0;
    const keypoints = a.keypoints.map((ka, n): Keypoint => {
      const kb = b.keypoints[n];
      if (ka[0] === null || ka[1] === null || kb[0] === null || kb[1] === null) return u < 0.5 ? [...ka] as Keypoint : [...kb] as Keypoint;
      return [ka[0] + u * (kb[0] - ka[0]), ka[1] + u * (kb[1] - ka[1]), Math.min(ka[2], kb[2])];
    });
    frames.push({ t: Math.round(t * 1e6) / 1e6, keypoints });
  }
  return { ...track, fps, frames };
}
