#!/usr/bin/env node
// Browser tests need Debian's Chromium. When it is missing and we may install it (root with
// apt-get), install it; otherwise say what to do. Never downloads a browser of its own.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const paths = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
if (paths.some((p) => existsSync(p))) process.exit(0);
const isRoot = process.getuid?.() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  console.log('Chromium is missing: installing Debian package chromium …');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
  });
  process.exit(0);
}
console.error(
  'Chromium is missing. Install it (e.g. `sudo apt-get install -y chromium`) or set CHROMIUM_PATH.',
);
process.exit(1);
