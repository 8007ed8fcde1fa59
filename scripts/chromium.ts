/**
 * The one browser every script, benchmark and end-to-end test launches: Debian's `chromium` package,
 * never a browser downloaded by a test tool (that fails offline, here and on CI).
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** docs/toolchain.md: the flags Debian's Chromium needs headless, in a container, with no network. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
