/**
 * The rules of a target's status (semantics.md, DOMAIN.md): an Agreed or Approved target is
 * protected (a change needs a reason and is audited), and an error finding blocks approval.
 * Every layer asks these, so the pane, the contract's writer and the CLI agree.
 */
import type { TargetStatus } from "./register";
import type { Finding } from "./smart";

/**
 * Whether a change to a target with this status needs a reason and goes to the audit log.
 *
 * @example
 * isProtectedStatus("Agreed") // => true
 * isProtectedStatus("Draft") // => false
 */
export function isProtectedStatus(status: TargetStatus | null | undefined): boolean {
  return status === "Agreed" || status === "Approved";
}

/**
 * Whether a target with these findings may not be approved: any error finding blocks it.
 *
 * @example
 * blocksApproval([{ severity: "warning" }]) // => false
 * blocksApproval([{ severity: "warning" }, { severity: "error" }]) // => true
 */
export function blocksApproval(findings: readonly Pick<Finding, "severity">[]): boolean {
  return findings.some((f) => f.severity === "error");
}
