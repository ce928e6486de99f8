/**
 * Where a finding's identifier goes, by rule: the destination that SARIF
 * `properties.destination`, the JSON format and the inventory carry.
 */
export type DestinationFamily = 'log' | 'access-log' | 'metric' | 'telemetry' | 'retention';

/** Rule id (without the plugin prefix) → destination family. */
export const RULE_DESTINATIONS: Readonly<Record<string, DestinationFamily>> = {
  'no-unclassified-logging': 'log',
  'no-identifying-access-log': 'access-log',
  'no-identifiers-in-metrics': 'metric',
  'no-unclassified-telemetry': 'telemetry',
  'log-retention': 'retention',
};

/** How each family reads in a report. */
export const DESTINATION_LABELS: Readonly<Record<DestinationFamily, string>> = {
  log: 'log',
  'access-log': 'access log',
  metric: 'metric',
  telemetry: 'third party',
  retention: 'log retention',
};

/**
 * The destination of one finding: its family, and for third parties the
 * vendor the message names. Telemetry messages name the vendor as
 * "… reaches <Vendor> (<call>) …" (e.g. `reaches Sentry (Sentry.setUser)`),
 * or "<Vendor> option <name> …" for SDK options.
 *
 * @param ruleId the rule id, with or without the `online-identifiers/` prefix
 * @param message the finding's message as ESLint reports it
 * @returns `{ family, vendor? }`, or undefined for a rule that is not ours
 */
export function destinationOfMessage(
  ruleId: string,
  message: string,
): { readonly family: DestinationFamily; readonly vendor?: string } | undefined {
  const id = ruleId.replace(/^online-identifiers\//, '');
  const family = RULE_DESTINATIONS[id];
  if (!family) return undefined;
  if (family !== 'telemetry') return { family };
  const vendor = /\breaches (.+?) \(/.exec(message)?.[1] ?? /^(.+?) option /.exec(message)?.[1];
  return vendor ? { family, vendor } : { family };
}
