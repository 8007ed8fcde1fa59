/**
 * Any failure turned into words for the person using the app: a title, what happened and what to
 * try. Never a stack trace. Retry choices are the app's (it knows the model and the people found).
 */
import { GaitAnalysisError, type GaitErrorCode } from '../../core/errors';
import { VideoInputError, type VideoErrorCode } from '../../contracts';

export interface UserError {
  /** Machine-readable cause: a VideoErrorCode, a GaitErrorCode, 'bad-track' or 'unexpected'. */
  code: VideoErrorCode | GaitErrorCode | 'bad-track' | 'unexpected';
  title: string;
  message: string;
  hint: string;
}

/** Thrown by the shell when an opened file is not a usable gait-pose-track. */
export class TrackFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TrackFileError';
  }
}

const VIDEO_TITLES: Record<VideoErrorCode, string> = {
  'not-a-video': 'This file is not a video',
  'no-video-track': 'This file has no pictures',
  'unsupported-codec': 'This browser cannot play this video',
  corrupt: 'The video could not be read',
  'no-person': 'Nobody was found in the video',
  'too-short': 'The video is too short',
  'camera-refused': 'The camera was not allowed',
  'no-camera': 'No camera could be used',
  cancelled: 'Cancelled',
};

const VIDEO_HINTS: Record<VideoErrorCode, string> = {
  'not-a-video': 'Choose a video file (MP4, WebM or MOV) filmed with a phone or camera.',
  'no-video-track': 'The file seems to hold sound only. Choose a video file.',
  'unsupported-codec': 'Convert it to H.264 MP4 or WebM, or on an iPhone set Camera > Formats to "Most Compatible".',
  corrupt: 'The file may be incomplete (an interrupted copy or download). Copy it again or film again.',
  'no-person': 'Film the whole body from the side, in good light, with the walker filling about half the picture height.',
  'too-short': 'Record at least 5 seconds of steady walking (3-4 steps each way or more).',
  'camera-refused': 'Allow the camera in the browser\'s site settings, or upload a video instead.',
  'no-camera': 'Close other apps using the camera, or upload a video instead.',
  cancelled: 'Start again whenever you like.',
};

const ANALYSIS_TITLES: Record<GaitErrorCode, string> = {
  'no-person': 'Not enough of the legs was seen',
  'no-walking': 'No steady walking was found',
  'not-side-view': 'The walk was not filmed from the side',
  'too-few-steps': 'Too few steps to analyse',
};

/** The core's messages already say how to film; these add what the app can do about it. */
const ANALYSIS_HINTS: Record<GaitErrorCode, string> = {
  'no-person': 'If several people were found, check that the walker is the one chosen; the Thunder model sees legs better in poor light.',
  'no-walking': 'If several people were found, check that the walker is the one chosen.',
  'not-side-view': 'Put the camera at hip height, 3-4 m to the side of your walking line, so you cross the picture from one side to the other.',
  'too-few-steps': 'Keep the feet in the picture for the whole walk; the Thunder model may find steps the fast one missed.',
};

export function describeError(error: unknown): UserError {
  if (error instanceof VideoInputError) {
    return { code: error.code, title: VIDEO_TITLES[error.code] ?? 'The video could not be used', message: error.message, hint: error.hint ?? VIDEO_HINTS[error.code] ?? '' };
  }
  if (error instanceof GaitAnalysisError) {
    return { code: error.code, title: ANALYSIS_TITLES[error.code] ?? 'The walk could not be analysed', message: error.message, hint: ANALYSIS_HINTS[error.code] ?? '' };
  }
  if (error instanceof TrackFileError) {
    return {
      code: 'bad-track',
      title: 'This file is not a gait pose track',
      message: error.message,
      hint: 'Open a pose track exported from this app ("Pose track JSON") or from the command line tool, or analyse a video instead.',
    };
  }
  // Errors crossing a worker boundary may arrive as plain objects with a code.
  if (isCoded(error) && error.code in VIDEO_TITLES) {
    const code = error.code as VideoErrorCode;
    return { code, title: VIDEO_TITLES[code], message: error.message, hint: error.hint ?? VIDEO_HINTS[code] };
  }
  if (isCoded(error) && error.code in ANALYSIS_TITLES) {
    const code = error.code as GaitErrorCode;
    return { code, title: ANALYSIS_TITLES[code], message: error.message, hint: ANALYSIS_HINTS[code] };
  }
  const detail = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return {
    code: 'unexpected',
    title: 'Something went wrong',
    message: detail ? `The analysis stopped: ${detail}` : 'The analysis stopped for a reason the app did not expect.',
    hint: 'Try again. If it keeps happening, try the other model, another video, or reload the page.',
  };
}

function isCoded(e: unknown): e is { code: string; message: string; hint?: string } {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' && typeof (e as { message?: unknown }).message === 'string';
}

export function isCancelled(error: unknown): boolean {
  return (error instanceof VideoInputError && error.code === 'cancelled') || (error instanceof DOMException && error.name === 'AbortError');
}
