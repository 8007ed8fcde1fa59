import type { PhaseName, Side } from '../../core/format/report';

/**
 * Colours shared by the skeleton, the timeline and the charts. Sides use the Okabe-Ito blue and
 * orange (told apart with the common colour-vision deficiencies); every colour also comes with
 * words (legends, labels), never colour alone.
 */
export const SIDE_COLOR: Record<Side, string> = { left: '#0072B2', right: '#D55E00' };
export const SIDE_FILL: Record<Side, string> = { left: 'rgba(0, 114, 178, 0.22)', right: 'rgba(213, 94, 0, 0.22)' };
export const SIDE_LABEL: Record<Side, string> = { left: 'Left', right: 'Right' };

export const PHASE_COLOR: Record<PhaseName, string> = {
  stance: '#1b7837',
  preSwing: '#a6dba0',
  swing: '#762a83',
  terminalSwing: '#c2a5cf',
};
/** Faint versions for shading chart backgrounds. */
export const PHASE_SHADE: Record<PhaseName, string> = {
  stance: 'rgba(27, 120, 55, 0.07)',
  preSwing: 'rgba(166, 219, 160, 0.22)',
  swing: 'rgba(118, 42, 131, 0.07)',
  terminalSwing: 'rgba(194, 165, 207, 0.2)',
};
export const PHASE_LABEL: Record<PhaseName, string> = {
  stance: 'Stance',
  preSwing: 'Pre-swing',
  swing: 'Swing',
  terminalSwing: 'Terminal swing',
};

export const REFERENCE_FILL = 'rgba(110, 120, 130, 0.18)';
export const REFERENCE_LINE = 'rgba(90, 100, 110, 0.8)';
export const CURSOR_COLOR = '#c0143c';
