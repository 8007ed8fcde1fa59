/** A problem with the input that stops the analysis, with a message written for the user. */
export type GaitErrorCode = 'no-person' | 'no-walking' | 'not-side-view' | 'too-few-steps';

export class GaitAnalysisError extends Error {
  readonly code: GaitErrorCode;

  constructor(code: GaitErrorCode, message: string) {
    super(message);
    this.name = 'GaitAnalysisError';
    this.code = code;
  }
}
