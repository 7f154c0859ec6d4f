/**
 * precedent:symptoms-missing — a record without symptoms cannot be found by
 * the symptom matcher, which searches error codes, ports, figures and logs.
 * Drafts (imported or unfinished) are not asked yet.
 */
import { isMapping } from '../../records/data.ts';
import { RECORD_START } from '../../records/locate.ts';
import type { Rule } from '../types.ts';

/** Rule id, without the `precedent:` prefix. */
export const SYMPTOMS_MISSING = 'symptoms-missing';

export const symptomsMissing: Rule = {
  id: SYMPTOMS_MISSING,
  check(context) {
    if (context.data.draft === true) return;
    const symptoms = context.data.symptoms;
    if (symptoms === undefined) {
      context.report({
        message: 'Missing `symptoms`, expected the errors, ports, figures or log lines a responder would see',
        place: RECORD_START,
        severity: 'warning',
      });
      return;
    }
    if (!isMapping(symptoms)) return; // the schema rule reports the wrong type
    const filled = Object.values(symptoms).some((list) => !Array.isArray(list) || list.length > 0);
    if (filled) return;
    context.report({
      message: 'Empty `symptoms`, expected the errors, ports, figures or log lines a responder would see',
      place: context.locate(['symptoms'], 'key'),
      severity: 'warning',
    });
  },
};
