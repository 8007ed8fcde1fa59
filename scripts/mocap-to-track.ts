/**
 * Converts a ../shared/data/mocap-tracks file (keypoints without scores, truth beside them) into a
 * gait-pose-track v1, for trying the analysis on real motion-capture walks.
 * Usage: npx tsx scripts/mocap-to-track.ts IN.json > OUT.json
 */
import { readFileSync } from 'node:fs';
import { KEYPOINT_NAMES, type GaitPoseTrack, type Keypoint } from '../src/core/format/poseTrack';

export interface MocapFile {
  meta: {
    fps: number;
    image_size: [number, number];
    trial_id: string;
    /** Image scale and origin of the orthographic projection: x_mm = (x_px - x0_px) / px_per_mm, up_mm = (y0_px - y_px) / px_per_mm. */
    px_per_mm?: number;
    x0_px?: number;
    y0_px?: number;
  };
  keypoints: ([number, number] | null)[][];
  truth: {
    angles_deg: Record<'left' | 'right', Record<string, (number | null)[]>>;
    events: Record<'left' | 'right', { heel_strike: number[]; toe_off: number[] }>;
    /** Where each event came from, parallel to `events` ('force_plate', 'zeni', ...). */
    events_origin?: Record<'left' | 'right', { heel_strike: string[]; toe_off: string[] }>;
  };
}

export function mocapToTrack(m: MocapFile): GaitPoseTrack {
  const fps = m.meta.fps;
  return {
    format: 'gait-pose-track',
    version: 1,
    fps,
    width: m.meta.image_size[0],
    height: m.meta.image_size[1],
    source: { kind: 'mocap', name: m.meta.trial_id },
    keypointNames: [...KEYPOINT_NAMES],
    frames: m.keypoints.map((kps, i) => ({
      t: i / fps,
      keypoints: kps.map((p): Keypoint => (p ? [p[0], p[1], 1] : [null, null, 0])),
    })),
  };
}

if (process.argv[1]?.endsWith('mocap-to-track.ts') && process.argv[2]) {
  process.stdout.write(JSON.stringify(mocapToTrack(JSON.parse(readFileSync(process.argv[2], 'utf8')) as MocapFile)));
}
