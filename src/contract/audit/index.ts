/** Auditing a report made by hand: its columns and its rows, over any host's cells. */
export * from "./columns";
export * from "./audit";
