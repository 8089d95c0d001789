export { notificationTemplateData, allResolved } from './notification-template-data';
export { TemplateSource, FixedTemplates } from './template-source';
export { FieldRenderer } from './field-renderer';
export { renderStructured } from './structured-value';
export { truncateRunes } from './truncate';
