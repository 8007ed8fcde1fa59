/**
 * How far to trust the numbers, in one sentence, from the report's data-quality figures.
 * Thresholds are the project's own rules of thumb, not published cut-offs: a mean of fewer than 3
 * cycles a side is dominated by stride-to-stride variation, and detection below ~90 % or keypoint
 * scores under 0.5 mean much of the walk was filled in or guessed.
 */
import type { GaitReport } from '../../core/format/report';

export type TrustLevel = 'good' | 'fair' | 'poor';

export interface Trust {
  level: TrustLevel;
  sentence: string;
  reasons: string[];
}

export function assessTrust(report: GaitReport): Trust {
  const q = report.quality;
  const reasons: string[] = [];
  let poor = false;
  let fair = false;
  const cycles = Math.min(q.usableCycles.left, q.usableCycles.right);
  if (!q.sideView.ok) (poor = true), reasons.push('the camera did not see the walk clearly from the side');
  if (cycles < 2) (poor = true), reasons.push(`only ${cycles} usable gait cycle${cycles === 1 ? '' : 's'} on one leg`);
  else if (cycles < 3) (fair = true), reasons.push(`only ${cycles} usable gait cycles on one leg`);
  if (q.detectedFraction < 0.75) (poor = true), reasons.push(`the legs were found in only ${Math.round(q.detectedFraction * 100)} % of the frames`);
  else if (q.detectedFraction < 0.9) (fair = true), reasons.push(`the legs were found in ${Math.round(q.detectedFraction * 100)} % of the frames`);
  if (q.meanKeypointScore < 0.35) (poor = true), reasons.push('the keypoint detector was unsure of many points');
  else if (q.meanKeypointScore < 0.5) (fair = true), reasons.push('the keypoint detector was unsure of some points');
  if (q.warnings.length > 0) (fair = true), reasons.push('the analysis raised warnings (listed below)');
  const level: TrustLevel = poor ? 'poor' : fair ? 'fair' : 'good';
  const because = reasons.length > 0 ? `: ${reasons.join('; ')}.` : '.';
  const sentence =
    level === 'good'
      ? 'Good data: the timing numbers are reliable, and the angles are typically within about 5 degrees of a motion-capture lab (2D video, Stenum et al. 2021). Read single values as a guide, not an exact measurement.'
      : level === 'fair'
        ? `Fair data: use the numbers as a rough guide${because} Filming again from the side, in good light, with several strides in view, will make them firmer.`
        : `Poor data: do not rely on these numbers${because} Film again from the side, in good light, with the whole body and at least 4-5 strides in view.`;
  return { level, sentence, reasons };
}
