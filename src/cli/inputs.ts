/** The video files a `gait video` command line names (cheap: no tfjs, so `analyze` stays fast). */
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

/** What a folder argument contributes: the files whose extension names a video container. */
export const VIDEO_EXTENSIONS = ['.mp4', '.m4v', '.mov', '.webm', '.mkv', '.avi'];

/** The video files named, folders expanded to the videos inside them (sorted, not recursive). */
export function expandVideoInputs(inputs: readonly string[]): string[] {
  return inputs.flatMap((input) => {
    if (!statSync(input, { throwIfNoEntry: false })?.isDirectory()) return [input];
    return readdirSync(input)
      .filter((name) => VIDEO_EXTENSIONS.includes(extname(name).toLowerCase()))
      .sort()
      .map((name) => join(input, name));
  });
}

