import type { PayModel } from '../config.js';
import { hourly } from './hourly.js';
import { perAccepted } from './per-accepted.js';
import { perItem } from './per-item.js';
import type { PayTerms } from './pay-terms.js';
import { salaried } from './salaried.js';

export type { PayTerms } from './pay-terms.js';

type TermsOf = { [K in PayModel['kind']]: (pay: Extract<PayModel, { kind: K }>) => PayTerms };

/** The pay models: a new one is a file in this folder, a line here and its schema entry. */
const PAY_MODELS: TermsOf = {
  salaried,
  hourly,
  'per-item': perItem,
  'per-accepted': perAccepted,
};

/** The terms of a pool's pay model. */
export function payTerms(pay: PayModel): PayTerms {
  return (PAY_MODELS[pay.kind] as (pay: PayModel) => PayTerms)(pay);
}
