// What a workspace's event stream can say changed (no content, no identity).
export const WORKSPACE_EVENT_KINDS = ["comments", "priorities", "judgements", "what-ifs", "procurement", "workshop"] as const;
export type WorkspaceEventKind = (typeof WORKSPACE_EVENT_KINDS)[number];
