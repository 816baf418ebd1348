import type { FormInstance, FormRule } from 'antd';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { domainOf, issueMessage } from './errors.js';

/**
 * An antd Form rule from the same zod schema the server validates with, so the browser and the API
 * say the same thing about a field. `schema` is the field's schema (e.g. SignInSchema.shape.email).
 */
export function zodRule(schema: z.ZodType, t: TFunction): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const r = schema.safeParse(value === '' ? undefined : value);
      if (r.success) return;
      const issue = r.error.issues[0];
      if (!issue) return;
      const params: Record<string, string | number> = {};
      if (issue.code === 'too_small') Object.assign(params, { minimum: Number(issue.minimum), origin: issue.origin });
      if (issue.code === 'too_big') Object.assign(params, { maximum: Number(issue.maximum), origin: issue.origin });
      const rule =
        issue.code === 'custom' && typeof issue.params?.rule === 'string'
          ? issue.params.rule
          : issue.code === 'invalid_type' && value === undefined
            ? 'required'
            : issue.code;
      throw new Error(issueMessage({ rule, message: issue.message, params }, t));
    },
  };
}

/**
 * Puts the server's field errors next to the form's fields (`names`: the fields the form has).
 * Returns true if any field got one (the caller shows a general alert otherwise).
 */
export function applyServerErrors(form: FormInstance, error: unknown, t: TFunction, names: readonly string[]): boolean {
  const fields = domainOf(error)?.fields ?? [];
  const known = fields.filter((f) => names.includes(f.path.split('.')[0] ?? ''));
  if (!known.length) return false;
  form.setFields(known.map((f) => ({ name: f.path.split('.'), errors: [issueMessage(f, t)] })));
  return true;
}
