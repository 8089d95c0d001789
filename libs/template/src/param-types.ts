// Go's assignability rules for function parameters, reduced to the types templates meet.
import { GoTime } from './go-time';
import { GoList, GoMap, GoValue, ParamType } from './values';

/** The Go spelling of a parameter type, for error messages. */
export function goTypeOfParam(p: ParamType): string {
  switch (p) {
    case 'any': return 'interface {}';
    case 'value': return 'reflect.Value';
    case 'map[string]any': return 'map[string]interface {}';
    case '[]any': return '[]interface {}';
    default: return p;
  }
}

export function canBeNil(p: ParamType): boolean {
  return p === 'any' || p === 'value' || p === '[]string' || p === '[]any' || p === 'map[string]any';
}

/** Whether a value may be passed where a parameter of type `t` is expected. */
export function assignable(v: GoValue, t: ParamType): boolean {
  switch (t) {
    case 'any': case 'value': return true;
    case 'string': return typeof v === 'string';
    case 'int': return typeof v === 'bigint';
    case 'float64': return typeof v === 'number';
    case 'bool': return typeof v === 'boolean';
    case 'time.Time': return v instanceof GoTime;
    case '[]string': return v instanceof GoList && v.goType === '[]string';
    case '[]any': return v instanceof GoList && v.goType === '[]interface {}';
    case 'map[string]any': return v instanceof GoMap && v.goType === 'map[string]interface {}';
  }
}
