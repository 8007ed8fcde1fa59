/** Browser side of the exports: a Blob downloaded through an <a download>, and the charts as one PNG. */

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, type: string, fileName: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

export interface TitledCanvas {
  title: string;
  canvas: HTMLCanvasElement;
}

/**
 * All charts on one white sheet, two columns, each under its title (chart canvases are
 * transparent; a PNG viewer would show them on black or a checkerboard otherwise).
 */
export function composeChartsPng(heading: string, charts: readonly TitledCanvas[], wide: readonly TitledCanvas[] = []): Promise<Blob> {
  const pad = 24;
  const titleH = 30;
  const cellW = Math.max(1, ...charts.map((c) => c.canvas.width));
  const cellH = Math.max(1, ...charts.map((c) => c.canvas.height));
  const columns = 2;
  const width = columns * cellW + (columns + 1) * pad;
  const gridRows = Math.ceil(charts.length / columns);
  const wideHeights = wide.map((w) => Math.round((w.canvas.height * (width - 2 * pad)) / Math.max(1, w.canvas.width)));
  const height = 60 + gridRows * (cellH + titleH + pad) + wideHeights.reduce((s, h) => s + h + titleH + pad, 0) + pad;
  const sheet = document.createElement('canvas');
  sheet.width = width;
  sheet.height = height;
  const ctx = sheet.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#1b1f24';
  ctx.textBaseline = 'top';
  ctx.font = 'bold 28px system-ui, sans-serif';
  ctx.fillText(heading, pad, pad);
  ctx.font = '600 20px system-ui, sans-serif';
  let y = 60 + pad;
  charts.forEach((c, i) => {
    const col = i % columns;
    const row = Math.floor(i / columns);
    const x = pad + col * (cellW + pad);
    const top = y + row * (cellH + titleH + pad);
    ctx.fillText(c.title, x, top);
    ctx.drawImage(c.canvas, x, top + titleH);
  });
  y += gridRows * (cellH + titleH + pad);
  wide.forEach((w, i) => {
    ctx.fillText(w.title, pad, y);
    ctx.drawImage(w.canvas, pad, y + titleH, width - 2 * pad, wideHeights[i]);
    y += wideHeights[i] + titleH + pad;
  });
  return new Promise((resolve, reject) => sheet.toBlob((b) => (b ? resolve(b) : reject(new Error('Could not make the PNG'))), 'image/png'));
}
