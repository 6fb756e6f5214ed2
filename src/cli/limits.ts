/** The command's safety limits on the files it reads (tests lower them). */

export interface PackageLimits {
  /** Total unpacked size of all parts, in bytes. */
  readonly maxTotalBytes: number;
  /** Highest compression ratio accepted for a part that unpacks to more than `ratioFloorBytes`. */
  readonly maxRatio: number;
  readonly ratioFloorBytes: number;
  /** Parts in the package. */
  readonly maxEntries: number;
  /** Rows in one sheet. */
  readonly maxRows: number;
}

export const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: PackageLimits = {
  maxTotalBytes: 512 * MiB,
  maxRatio: 500,
  ratioFloorBytes: 8 * MiB,
  maxEntries: 20_000,
  maxRows: 1_000_000,
};
