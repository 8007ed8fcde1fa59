/** Progress of the video pipeline, as the app and the CLI show it. Types only. */

export type PipelineStage = 'loading-model' | 'scouting' | 'tracking' | 'analysing';

export interface PipelineProgress {
  stage: PipelineStage;
  framesDone: number;
  /** Estimate; may change as decoding goes. */
  framesTotal: number;
  /** Frames per second processed in this stage so far. */
  fps: number;
  /** Seconds left for the whole job (scouting + tracking), null until known. */
  etaS: number | null;
}
