/**
 * Two small chart.js plugins, created per chart (inline plugins, no global registration):
 * phase bands behind the data, and a cursor that follows the video.
 */
import type { Chart, Plugin } from 'chart.js';
import { CURSOR_COLOR } from './palette';

export interface PhaseBand {
  from: number;
  to: number;
  color: string;
  label: string;
}

/** Shaded x ranges (in data units of the x scale) with their label along the top edge. */
export function phaseBandsPlugin(bands: readonly PhaseBand[]): Plugin<'line'> {
  return {
    id: 'gaitPhaseBands',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      const x = scales.x;
      if (!x || bands.length === 0) return;
      ctx.save();
      ctx.font = '10px system-ui, sans-serif';
      ctx.textBaseline = 'top';
      for (const band of bands) {
        const left = x.getPixelForValue(band.from);
        const right = x.getPixelForValue(band.to);
        ctx.fillStyle = band.color;
        ctx.fillRect(left, chartArea.top, right - left, chartArea.bottom - chartArea.top);
        // Boundary line, and the label where it fits.
        ctx.strokeStyle = 'rgba(60, 60, 60, 0.35)';
        ctx.setLineDash([3, 3]);
        ctx.beginPath();
        ctx.moveTo(right, chartArea.top);
        ctx.lineTo(right, chartArea.bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        const width = ctx.measureText(band.label).width;
        if (width + 4 < right - left) {
          ctx.fillStyle = 'rgba(40, 40, 40, 0.75)';
          ctx.fillText(band.label, left + 3, chartArea.top + 3);
        }
      }
      ctx.restore();
    },
  };
}

export interface CursorMark {
  /** Category index (bar charts with indexAxis 'y') and the value to mark on it. */
  category: number;
  value: number;
  /** Offset within the category band, -0.5..0.5 of its height (left vs right bars). */
  offset: number;
  color: string;
}

export interface Cursor {
  plugin: Plugin;
  /** Vertical line at x (data units); null hides it. */
  setX(chart: Chart | undefined, x: number | null): void;
  /** Short ticks on horizontal bars (the current value inside its phase range). */
  setMarks(chart: Chart | undefined, marks: CursorMark[]): void;
}

/** The video cursor: a vertical line, or ticks on a horizontal bar chart. Redraws without an update. */
export function createCursor(): Cursor {
  let x: number | null = null;
  let marks: CursorMark[] = [];
  const plugin: Plugin = {
    id: 'gaitCursor',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      ctx.save();
      ctx.strokeStyle = CURSOR_COLOR;
      ctx.lineWidth = 2;
      if (x !== null && scales.x) {
        const px = scales.x.getPixelForValue(x);
        if (px >= chartArea.left - 1 && px <= chartArea.right + 1) {
          ctx.beginPath();
          ctx.moveTo(px, chartArea.top);
          ctx.lineTo(px, chartArea.bottom);
          ctx.stroke();
        }
      }
      if (marks.length > 0 && scales.x && scales.y) {
        const bandHeight = scales.y.height / Math.max(1, scales.y.ticks.length);
        for (const m of marks) {
          const px = scales.x.getPixelForValue(m.value);
          const py = scales.y.getPixelForValue(m.category) + m.offset * bandHeight;
          ctx.strokeStyle = '#111';
          ctx.lineWidth = 3;
          ctx.beginPath();
          ctx.moveTo(px, py - bandHeight * 0.22);
          ctx.lineTo(px, py + bandHeight * 0.22);
          ctx.stroke();
          ctx.strokeStyle = m.color;
          ctx.lineWidth = 1.5;
          ctx.stroke();
        }
      }
      ctx.restore();
    },
  };
  return {
    plugin,
    setX(chart, value) {
      if (value === x) return;
      x = value;
      chart?.draw();
    },
    setMarks(chart, value) {
      if (value.length === 0 && marks.length === 0) return;
      marks = value;
      chart?.draw();
    },
  };
}
