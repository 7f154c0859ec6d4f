/**
 * precedent:owner-role — records are blameless: an owner is a team or a
 * role, never a person. A heuristic, so a warning. It flags an owner that is
 *
 * - a bare `@handle` (an `@org/team` handle is a team and passes);
 * - two or three Chinese characters (the shape of a personal name) without a
 *   team or role word such as 团队, 组, 部, 运维, 开发, 厂商, 负责人, 工程师;
 * - two or three capitalised words, `Firstname Lastname`, without a team or
 *   role word such as Team, Group, SRE, Ops, Eng, Support, Vendor.
 *
 * It misses names written otherwise (`j.doe`, lowercase) and may flag a
 * two-character team nickname; rename the owner to a role to silence it.
 */
import { formatPath } from '../../schema/messages.ts';
import { isMapping, listAt } from '../../records/data.ts';
import type { Rule } from '../types.ts';

/** Rule id, without the `precedent:` prefix. */
export const OWNER_ROLE = 'owner-role';

/** Chinese words that make a short owner a team or role rather than a name. */
export const ROLE_WORDS_ZH = [
  '团队', '组', '部', '运维', '开发', '研发', '厂商', '厂家', '负责人', '工程师', '中心', '值班', '架构', '网络',
  '测试', '产品', '安全', '平台', '运营', '客服', '支持', '经理', '主管', '一线', '二线', '人员', '小组', '委员会',
] as const;

/** English words (case-insensitive, whole words) that make an owner a team or role. */
export const ROLE_WORDS_EN = [
  'team', 'group', 'sre', 'ops', 'devops', 'eng', 'engineering', 'engineer', 'on-call', 'oncall', 'support',
  'platform', 'network', 'networking', 'security', 'infra', 'infrastructure', 'dba', 'owner', 'lead', 'manager',
  'vendor', 'desk', 'squad', 'committee', 'service', 'services', 'operations', 'development', 'dev', 'qa',
  'release', 'product', 'office', 'center', 'centre', 'board', 'department', 'dept',
] as const;

const HAN_NAME = /^\p{Script=Han}{2,3}$/u;
const LATIN_NAME = /^[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}$/;
const HANDLE = /^@[A-Za-z0-9_.-]+$/;

/** Whether an owner reads like a person's name rather than a team or role. */
export function looksLikePerson(owner: string): boolean {
  const value = owner.trim();
  if (HANDLE.test(value)) return true;
  if (HAN_NAME.test(value)) return !ROLE_WORDS_ZH.some((word) => value.includes(word));
  if (LATIN_NAME.test(value)) {
    const words = value.toLowerCase().split(' ');
    return !words.some((word) => (ROLE_WORDS_EN as readonly string[]).includes(word));
  }
  return false;
}

export const ownerRole: Rule = {
  id: OWNER_ROLE,
  check(context) {
    listAt(context.data, ['actionItems']).forEach((item, index) => {
      const owner = isMapping(item) ? item.owner : undefined;
      if (typeof owner !== 'string' || !looksLikePerson(owner)) return;
      const path = ['actionItems', index, 'owner'];
      context.report({
        message: `Unexpected person-like \`${owner.trim()}\` for \`${formatPath(path)}\`, expected a team or role (records are blameless)`,
        place: context.locate(path, 'value'),
        severity: 'warning',
      });
    });
  },
};
