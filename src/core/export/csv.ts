/**
 * CSV text (RFC 4180): comma-separated, fields with a comma, quote or line break quoted, quotes
 * doubled, CRLF line ends (what spreadsheet programs expect). Unknown values are empty fields.
 */
export type CsvValue = string | number | boolean | null | undefined;

/** Decimal places kept in CSV numbers: well below what 2D video can measure, no float noise. */
const DECIMALS = 4;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const f = 10 ** DECIMALS;
    return String(Math.round(value * f) / f);
  }
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return lines.join('\r\n') + '\r\n';
}
