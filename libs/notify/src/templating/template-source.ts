// Where notifiers get the templates in force: Klaxon's defaults plus the config's `templates:` files,
// replaced on every reload.
import { TemplateSet } from '../../../template/src';

export interface TemplateSource {
  current(): TemplateSet;
}

/** A source that never changes (tests, and a config without `templates:`). */
export class FixedTemplates implements TemplateSource {
  constructor(private readonly set: TemplateSet = TemplateSet.withDefaults()) {}

  current(): TemplateSet {
    return this.set;
  }
}
