// For tools that build an inventory on the plugin's analysis (the CLI's
// `--format inventory`). Deliberately not in `plugin.rules`: rule ids are a
// public contract, and this one reports treatments, not findings.
export { treatmentsRule, treatmentFromMessage } from './treatments';
export type { Treatment, TreatmentDestination, TreatmentsOptions } from './treatments';
