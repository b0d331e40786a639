/**
 * Redis Cluster hash tags. On a cluster, a command, transaction or Lua script may only touch keys of
 * one hash slot; a key's slot is computed from the part between its first `{` and the next `}` when
 * there is one. Keys used together therefore carry the same tag: every key of one job carries
 * {@link jobTag}, every key of one tenant `tenantTag` (spend-keys.ts), every key of one BullMQ queue
 * (and of the queues its flows span) {@link bullPrefix}'s tag. A single Redis ignores the tags.
 * Deployment prefixes never contain braces (QUEUE_PREFIX allows letters, digits, `_` and `-`).
 */

/** The hash tag that puts every key of one job (inputs, plans, results, call journal, claims) in one slot. */
export function jobTag(jobId: string): string {
  return `{j:${jobId}}`;
}

/**
 * The BullMQ prefix of a queue: the deployment prefix, then the queue's hash tag, so every BullMQ key
 * of the queue (`<prefix>:{<tag>}:<queue>:...`) shares a slot, as BullMQ's scripts need. The tag is
 * the queue's name, or `slotWith`'s for a queue whose jobs are flow children of another queue's
 * (a flow's parent and children must share a slot). Each queue family may thus live on its own
 * cluster master.
 */
export function bullPrefix(prefix: string, queue: { queue: string; slotWith?: string | undefined }): string {
  return `${prefix}:{${queue.slotWith ?? queue.queue}}`;
}
