// Public API of the template library: Go text/template and html/template semantics as
// Alertmanager runs them, its data model and functions, and Klaxon's default templates.
export { TemplateSet } from './template-set';
export type { TemplateSetOptions } from './template-set';
export { buildTemplateData, quoteMeta } from './alert-data';
export type { TemplateAlert } from './alert-data';
export { templateDataFromJson } from './data-json';
export type { TemplateData } from './template-set';
export type { ExecutionLimits } from './limits';
export { DEFAULT_LIMITS } from './limits';
export { TemplateParseError, TemplateExecError, TemplateLimitError } from './errors';
