import { css } from 'lit';

/** Styles shared by the results' parts (each has its own shadow root). */
export const baseStyles = css`
  :host {
    display: block;
    color: #1b1f24;
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    line-height: 1.45;
    min-width: 0;
  }
  h2, h3, h4 { line-height: 1.25; margin: 0 0 0.5rem; }
  h2 { font-size: 1.3rem; }
  h3 { font-size: 1.05rem; }
  h4 { font-size: 0.95rem; }
  p { margin: 0 0 0.6rem; }
  .muted { color: #56606b; font-size: 0.875rem; }
  .sr-only {
    position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
    overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
  }
  .panel {
    background: #fff; border: 1px solid #d8dee4; border-radius: 10px;
    padding: 0.9rem 1rem; box-sizing: border-box; min-width: 0;
  }
  .scroll-x { overflow-x: auto; max-width: 100%; }
  .scroll-x:focus-visible { outline: 2px solid #0b5fff; outline-offset: 2px; }
  table { border-collapse: collapse; font-size: 0.875rem; font-variant-numeric: tabular-nums; }
  th, td { padding: 0.3rem 0.55rem; border-bottom: 1px solid #e3e7eb; text-align: left; vertical-align: top; }
  thead th { background: #f3f5f7; font-weight: 600; }
  td.num, th.num { text-align: right; }
  details > summary { cursor: pointer; color: #0b4fc4; font-size: 0.875rem; margin-top: 0.4rem; }
  details[open] > summary { margin-bottom: 0.4rem; }
  details .scroll-x { max-height: 22rem; overflow-y: auto; }
  button {
    font: inherit; font-size: 0.9rem; padding: 0.45rem 0.8rem; border-radius: 8px;
    border: 1px solid #9aa5b1; background: #fff; color: #1b1f24; cursor: pointer; min-height: 2.5rem;
  }
  button:hover { background: #f0f3f6; }
  button:focus-visible, summary:focus-visible, canvas:focus-visible, input:focus-visible {
    outline: 3px solid #0b5fff; outline-offset: 2px;
  }
  .status { display: inline-block; padding: 0.05rem 0.45rem; border-radius: 999px; font-size: 0.78rem; font-weight: 600; white-space: nowrap; }
  .status.ok { background: #dff3e4; color: #14532d; }
  .status.low, .status.high { background: #fde8d7; color: #7c2d12; }
  .status.none { background: #eef1f4; color: #56606b; }
  .status.borderline-low, .status.borderline-high { background: #fdf6d8; color: #5c4a00; }
  @media print {
    details, button { display: none !important; }
    .panel { border: none; padding: 0; }
  }
`;
