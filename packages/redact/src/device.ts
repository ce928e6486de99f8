import { REDACTED } from './types';
import { fixpoint } from './text';

// A browser family and major version is shared by millions; the full user
// agent, with minor versions, OS build and device model, narrows a person down.

interface Family {
  name: string;
  /** Product tokens whose `/<version>` gives the major version, most specific first. */
  tokens: string[];
}

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
const FAMILIES: Family[] = [
  { name: 'Edge', tokens: ['Edg/', 'EdgA/', 'EdgiOS/', 'Edge/'] },
  { name: 'Opera', tokens: ['OPR/', 'OPX/', 'OPT/'] },
  { name: 'Samsung Internet', tokens: ['SamsungBrowser/'] },
  { name: 'Yandex', tokens: ['YaBrowser/'] },
  { name: 'Vivaldi', tokens: ['Vivaldi/'] },
  { name: 'Firefox', tokens: ['Firefox/', 'FxiOS/'] },
  { name: 'Chromium', tokens: ['Chromium/'] },
  { name: 'Chrome', tokens: ['CriOS/', 'Chrome/'] },
  { name: 'Googlebot', tokens: ['Googlebot/'] },
  { name: 'bingbot', tokens: ['bingbot/'] },
  { name: 'curl', tokens: ['curl/'] },
  { name: 'Wget', tokens: ['Wget/'] },
  { name: 'PostmanRuntime', tokens: ['PostmanRuntime/'] },
  { name: 'python-requests', tokens: ['python-requests/'] },
  { name: 'Go-http-client', tokens: ['Go-http-client/'] },
  { name: 'okhttp', tokens: ['okhttp/'] },
  { name: 'axios', tokens: ['axios/'] },
  { name: 'node', tokens: ['node-fetch/', 'undici/'] },
];
const FAMILY_NAMES = new Set([...FAMILIES.map((f) => f.name), 'Safari', 'Internet Explorer']);

// Client-hint brands (sec-ch-ua) to families; GREASE brands ("Not?A_Brand") are skipped.
const BRANDS: [string, string][] = [
  ['Microsoft Edge', 'Edge'],
  ['Opera', 'Opera'],
  ['Brave', 'Brave'],
  ['Google Chrome', 'Chrome'],
  ['Chromium', 'Chromium'],
];

// Low-entropy values that single out nobody: sec-ch-ua-platform / navigator.platform and sec-ch-ua-mobile.
const PASS_THROUGH = new Set([
  'Windows', 'macOS', 'Linux', 'Android', 'iOS', 'Chrome OS', 'Chromium OS', 'Unknown', 'Win32', 'Win64', 'MacIntel',
  'iPhone', 'iPad', 'Linux x86_64', 'Linux aarch64', '?0', '?1',
]);

// A user agent longer than this is not one; look at its start only.
const MAX_UA = 2048;

/** A user agent or client-hint value → `Chrome 120`, `Firefox 121`, …; anything else → `[redacted]`. */
export const redactDeviceText: (value: string) => string = fixpoint(deviceStep);

function deviceStep(value: string): string {
  const text = value.trim().slice(0, MAX_UA);
  if (text === '') return value;
  if (PASS_THROUGH.has(text)) return text;
  const unquoted = text.length > 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : undefined;
  if (unquoted !== undefined && PASS_THROUGH.has(unquoted)) return text;
  const reduced = alreadyReduced(text) ?? fromBrands(text) ?? fromUserAgent(text);
  return reduced ?? REDACTED;
}

function alreadyReduced(text: string): string | undefined {
  const space = text.lastIndexOf(' ');
  if (space < 1) return undefined;
  const family = text.slice(0, space);
  const major = text.slice(space + 1);
  if ((FAMILY_NAMES.has(family) || family === 'Brave') && isDigits(major) && major.length <= 5) return text;
  return undefined;
}

function isDigits(text: string): boolean {
  if (text === '') return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function majorAt(text: string, from: number): string | undefined {
  let end = from;
  while (end < text.length && end - from < 6) {
    const c = text.charCodeAt(end);
    if (c < 48 || c > 57) break;
    end++;
  }
  return end > from && end - from <= 5 ? String(Number(text.slice(from, end))) : undefined;
}

/** `"Chromium";v="120", "Google Chrome";v="120", "Not?A_Brand";v="99"` (also the full-version list). */
function fromBrands(text: string): string | undefined {
  if (!text.includes(';v=')) return undefined;
  const found = new Map<string, string>();
  for (const entry of text.split(',')) {
    const semi = entry.indexOf(';v=');
    if (semi === -1) continue;
    const brand = entry.slice(0, semi).trim().replace(/^"|"$/g, '');
    const version = entry.slice(semi + 3).trim().replace(/^"|"$/g, '');
    const major = majorAt(version, 0);
    if (major !== undefined) found.set(brand, major);
  }
  for (const [brand, family] of BRANDS) {
    const major = found.get(brand);
    if (major !== undefined) return `${family} ${major}`;
  }
  return undefined;
}

function fromUserAgent(ua: string): string | undefined {
  for (const family of FAMILIES) {
    for (const token of family.tokens) {
      const at = ua.indexOf(token);
      if (at === -1) continue;
      // "Edge/" must not match inside "SmartEdge/": the token starts a product
      if (at > 0 && /[A-Za-z0-9]/.test(ua[at - 1] ?? '')) continue;
      const major = majorAt(ua, at + token.length);
      if (major !== undefined) return `${family.name} ${major}`;
    }
  }
  const msie = ua.indexOf('MSIE ');
  if (msie !== -1) {
    const major = majorAt(ua, msie + 5);
    if (major !== undefined) return `Internet Explorer ${major}`;
  }
  if (ua.includes('Trident/')) {
    const rv = ua.indexOf('rv:');
    const major = rv === -1 ? undefined : majorAt(ua, rv + 3);
    if (major !== undefined) return `Internet Explorer ${major}`;
  }
  if (ua.includes('Safari/') || ua.includes('AppleWebKit/')) {
    const version = ua.indexOf('Version/');
    const major = version === -1 ? undefined : majorAt(ua, version + 8);
    if (major !== undefined) return `Safari ${major}`;
  }
  return undefined;
}
