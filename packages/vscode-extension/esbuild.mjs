// Placeholder until the extension lands: bundling is wired in the extension issue.
