// Bounds on one template execution, so a template can never hang a worker or exhaust memory.

export interface ExecutionLimits {
  /** Maximum nesting of {{template}}/{{block}} calls and control structures. */
  maxDepth?: number;
  /** Maximum size of the output, in UTF-8 bytes. */
  maxOutputBytes?: number;
  /** Maximum wall-clock time of one execution, in milliseconds. */
  timeoutMs?: number;
}

export const DEFAULT_LIMITS: Required<ExecutionLimits> = {
  maxDepth: 200,
  maxOutputBytes: 8 * 1024 * 1024,
  timeoutMs: 2000,
};

export function resolveLimits(l?: ExecutionLimits): Required<ExecutionLimits> {
  return { ...DEFAULT_LIMITS, ...(l ?? {}) };
}
