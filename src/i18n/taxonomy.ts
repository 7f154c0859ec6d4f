/** Labels for every taxonomy value, per UI language. */
import type {
  ActionStatus,
  ActionType,
  CauseCategory,
  Kind,
  Severity,
  Status,
} from '../schema/taxonomy.ts';
import type { EVENT_TYPES } from '../schema/record.ts';
import type { Lang } from './lang.ts';

/** Timeline moment types: the schema's event types plus `report` (from `times.reported`). */
export type MomentType = (typeof EVENT_TYPES)[number] | 'report';

/** Label tables for one language. */
export interface TaxonomyLabels {
  kind: Record<Kind, string>;
  severity: Record<Severity, string>;
  status: Record<Status, string>;
  category: Record<CauseCategory, string>;
  actionType: Record<ActionType, string>;
  actionStatus: Record<ActionStatus, string>;
  moment: Record<MomentType, string>;
}

/** Taxonomy labels per UI language. */
export const TAXONOMY_LABELS: Record<Lang, TaxonomyLabels> = {
  en: {
    kind: { postmortem: 'Postmortem', 'support-case': 'Support case', 'known-issue': 'Known issue', advisory: 'Advisory' },
    severity: { sev1: 'SEV1', sev2: 'SEV2', sev3: 'SEV3', sev4: 'SEV4' },
    status: { ongoing: 'Ongoing', mitigated: 'Mitigated', resolved: 'Resolved' },
    category: {
      configuration: 'Configuration',
      deployment: 'Deployment',
      'software-bug': 'Software bug',
      capacity: 'Capacity',
      network: 'Network',
      dependency: 'Dependency',
      hardware: 'Hardware',
      process: 'Process',
      security: 'Security',
      unknown: 'Unknown',
    },
    actionType: { mitigate: 'Mitigate', prevent: 'Prevent', detect: 'Detect', process: 'Process', investigate: 'Investigate' },
    actionStatus: { open: 'Open', 'in-progress': 'In progress', done: 'Done', 'wont-do': "Won't do" },
    moment: {
      start: 'Started',
      detect: 'Detected',
      report: 'Reported',
      escalate: 'Escalated',
      diagnose: 'Diagnosis',
      mitigate: 'Mitigated',
      resolve: 'Resolved',
      note: 'Note',
    },
  },
  zh: {
    kind: { postmortem: '故障复盘', 'support-case': '支持案例', 'known-issue': '已知问题', advisory: '厂商公告' },
    severity: { sev1: 'SEV1', sev2: 'SEV2', sev3: 'SEV3', sev4: 'SEV4' },
    status: { ongoing: '处理中', mitigated: '已缓解', resolved: '已解决' },
    category: {
      configuration: '配置',
      deployment: '发布变更',
      'software-bug': '软件缺陷',
      capacity: '容量',
      network: '网络',
      dependency: '外部依赖',
      hardware: '硬件',
      process: '流程',
      security: '安全',
      unknown: '未知',
    },
    actionType: { mitigate: '缓解', prevent: '预防', detect: '检测', process: '流程', investigate: '调查' },
    actionStatus: { open: '未开始', 'in-progress': '进行中', done: '已完成', 'wont-do': '不做' },
    moment: {
      start: '开始',
      detect: '发现',
      report: '报障',
      escalate: '升级',
      diagnose: '诊断',
      mitigate: '缓解',
      resolve: '解决',
      note: '记录',
    },
  },
};

/** Short descriptions of each root-cause category, for the categories page. */
export const CATEGORY_DESCRIPTIONS: Record<Lang, Record<CauseCategory, string>> = {
  en: {
    configuration: 'A setting, policy or rule was wrong.',
    deployment: 'A release, migration or rollout changed behaviour.',
    'software-bug': 'Code did the wrong thing.',
    capacity: 'A resource ran out: connections, disk, memory, quota.',
    network: 'Packets were lost, dropped, rewritten or mis-routed.',
    dependency: 'A vendor, third-party service or device misbehaved.',
    hardware: 'A physical component failed.',
    process: 'A gap in a procedure, runbook or review.',
    security: 'An attack or a security control.',
    unknown: 'Not (yet) established.',
  },
  zh: {
    configuration: '设置、策略或规则有误。',
    deployment: '发布、迁移或上线改变了行为。',
    'software-bug': '代码行为错误。',
    capacity: '资源耗尽：连接、磁盘、内存、配额。',
    network: '报文丢失、被丢弃、被改写或路由错误。',
    dependency: '厂商、第三方服务或设备表现异常。',
    hardware: '物理部件故障。',
    process: '流程、运行手册或评审存在缺口。',
    security: '攻击或安全控制。',
    unknown: '尚未查明。',
  },
};
