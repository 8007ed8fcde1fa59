/** Problems with the input (a video, the camera) that the user can act on. */

/** What went wrong with an input video, each with a message a user can act on. */
export type VideoErrorCode =
  | 'not-a-video' // not a media file at all (a text file renamed .mp4)
  | 'no-video-track' // audio only
  | 'unsupported-codec' // HEVC, Theora, ... : this browser cannot decode it
  | 'corrupt' // truncated or damaged: the container or frames cannot be read
  | 'no-person' // nobody found in the frames
  | 'too-short' // under ~2 s, or fewer frames than an analysis needs
  | 'camera-refused' // webcam permission denied
  | 'no-camera' // no camera device / camera busy
  | 'cancelled';

export class VideoInputError extends Error {
  constructor(
    readonly code: VideoErrorCode,
    message: string,
    /** What the user can do about it. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'VideoInputError';
  }
}
