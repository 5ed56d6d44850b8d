// Command ids used on both sides of the bundle split (the glue registers them, the engine side
// writes them into Markdown links); a module of its own so the glue bundle stays free of the engine.
export const REVEAL_LINE_COMMAND = "aalp.revealLine";
