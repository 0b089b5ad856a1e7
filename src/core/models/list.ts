import type { Model, ModelListParams, ModelListResponse } from '../../protocol/index.ts';
import { CATALOGUE, type CatalogueModel } from './catalogue.ts';
import { paginate } from '../../util/paginate.ts';

/** The reference marks the first model its picker shows (in priority order) as the default. */
const DEFAULT_SLUG = CATALOGUE.find((m) => !m.hidden)!.slug;

/**
 * `model/list` as the reference answers it without a ChatGPT login: the bundled catalogue, the same
 * whatever the provider, the configured model or the API key (a configured model that is not in
 * the catalogue is not added).
 */
export function listModels(params: ModelListParams): ModelListResponse {
  const models = CATALOGUE.filter((m) => params.includeHidden === true || !m.hidden).map(toWire);
  return paginate(models, params.cursor, params.limit, 'models');
}

function toWire(m: CatalogueModel): Model {
  return {
    id: m.slug,
    model: m.slug,
    upgrade: m.upgrade?.model ?? null,
    upgradeInfo: m.upgrade && { model: m.upgrade.model, upgradeCopy: null, modelLink: null, migrationMarkdown: m.upgrade.migrationMarkdown },
    availabilityNux: m.availabilityNux,
    displayName: m.displayName,
    description: m.description,
    hidden: m.hidden,
    supportedReasoningEfforts: m.supportedReasoningEfforts,
    defaultReasoningEffort: m.defaultReasoningEffort,
    inputModalities: m.inputModalities,
    supportsPersonality: m.supportsPersonality,
    isDefault: m.slug === DEFAULT_SLUG,
  };
}

/** The model a thread uses when nothing names one: the catalogue's first listed model. */
export function defaultModel(): string {
  return CATALOGUE.find((m) => !m.hidden)!.slug;
}
