/**
 * The user-facing wording of every way an uploaded video can fail to open or decode, in one place,
 * so the worker, the main thread and the tests agree on it.
 */
import { VideoInputError } from '../../contracts';

/** What to do with a file this browser cannot decode: re-encode to H.264 (plays everywhere). */
export const CONVERT_TO_H264_HINT =
  'Convert it to H.264 MP4, for example with HandBrake (preset "Fast 1080p30") or with ' +
  'ffmpeg -i input.mov -c:v libx264 -pix_fmt yuv420p -an output.mp4';

/** Container codec names as users know them (mediabunny's ids and Matroska/ISOBMFF internal ids). */
const CODEC_NAMES: Record<string, string> = {
  avc: 'H.264',
  hevc: 'HEVC (H.265)',
  vp8: 'VP8',
  vp9: 'VP9',
  av1: 'AV1',
  prores: 'Apple ProRes',
  theora: 'Theora',
  V_THEORA: 'Theora',
  'V_MPEG4/ISO/ASP': 'MPEG-4 Part 2 (DivX/Xvid)',
  mp4v: 'MPEG-4 Part 2',
  'V_MPEG2': 'MPEG-2',
  'V_MS/VFW/FOURCC': 'a Video for Windows codec',
};

export function codecDisplayName(codec: string): string {
  return CODEC_NAMES[codec] ?? (codec === 'unknown' ? 'an unknown codec' : codec);
}

export function notAVideo(name: string): VideoInputError {
  return new VideoInputError(
    'not-a-video',
    `"${name}" is not a video file this app can read (its content is not MP4, MOV, WebM, MKV or Ogg).`,
    'Choose a video file, for example an MP4 from a phone camera.',
  );
}

export function noVideoTrack(name: string): VideoInputError {
  return new VideoInputError(
    'no-video-track',
    `"${name}" has no picture: it contains audio only.`,
    'Choose a file that contains the walking video itself.',
  );
}

export function unsupportedCodec(name: string, codec: string): VideoInputError {
  return new VideoInputError(
    'unsupported-codec',
    `"${name}" uses the ${codecDisplayName(codec)} video codec, which this browser cannot decode.`,
    CONVERT_TO_H264_HINT,
  );
}

export function corrupt(name: string, detail: string): VideoInputError {
  return new VideoInputError(
    'corrupt',
    `"${name}" is damaged or incomplete: ${detail}`,
    'If the file was copied or downloaded, copy it again in full; otherwise export it again from the camera or editor.',
  );
}

export function cancelled(): VideoInputError {
  return new VideoInputError('cancelled', 'Processing was cancelled.');
}

/** An error's text whatever was thrown. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
