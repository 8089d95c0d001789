// How template functions are declared: Go signatures reduced to what the executor checks.
import type { GoValue, ParamType } from './values';

export interface FuncDef {
  /** Parameter types; with `variadic`, the last one is the element type of the `...` parameter. */
  params: ParamType[];
  variadic?: boolean;
  /** Throwing an Error becomes Go's `error calling NAME: message`. */
  call: (...args: GoValue[]) => GoValue;
}

export type FuncMap = Record<string, FuncDef>;
