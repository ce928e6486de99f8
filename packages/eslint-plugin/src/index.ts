// Placeholder; the plugin entry (rules, configs) lands with the engine.
export {};
