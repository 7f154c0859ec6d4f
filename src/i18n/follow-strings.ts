/**
 * The words of the follow-ups and insights pages in zh and en, kept apart
 * from the site dictionary (`ui.ts`) so these pages' strings live in one
 * place. `{n}`, `{m}`, `{day}`… are placeholders filled by `fill`.
 */
import type { Lang } from './lang.ts';

/** Strings of the follow-ups page (`/{lang}/actions/`). */
export interface ActionsStrings {
  nav: string;
  title: string;
  intro: string;
  /** `{day}`: the day overdue was judged on. */
  asOf: string;
  /** Said when the browser has re-judged overdue against its own today. */
  asOfToday: string;
  summaryHeading: string;
  total: string;
  stillOpen: string;
  overdue: string;
  filtersHeading: string;
  filterStatus: string;
  filterOwner: string;
  filterType: string;
  filterService: string;
  filterOverdue: string;
  filterOpenOnly: string;
  any: string;
  noOwner: string;
  reset: string;
  /** `{shown}` of `{total}`. */
  showing: string;
  /** `{n}` action items. */
  countAll: string;
  noMatches: string;
  empty: string;
  downloads: string;
  csv: string;
  json: string;
  record: string;
  item: string;
  type: string;
  owner: string;
  status: string;
  due: string;
  link: string;
  none: string;
  /** `{n}` days overdue. */
  daysOverdue: string;
  overdueOne: string;
  tableCaption: string;
}

/** Strings of the insights page (`/{lang}/insights/`). */
export interface InsightsStrings {
  nav: string;
  title: string;
  intro: string;
  /** `{n}` records, `{d}` of them dated. */
  basis: string;
  /** Time charts cover `{since}` to `{until}` (`{months}` months). */
  window: string;
  empty: string;
  dataTable: string;
  perMonthTitle: string;
  /** `{n}` records over `{m}` months; busiest `{month}` with `{max}`. */
  perMonthAlt: string;
  month: string;
  total: string;
  byCategoryTitle: string;
  /** Most common `{top}` with `{n}` of `{total}`. */
  byCategoryAlt: string;
  category: string;
  records: string;
  byServiceTitle: string;
  /** `{top}` is named in `{n}` records; `{count}` services in all. */
  byServiceAlt: string;
  service: string;
  /** `{n}` more services, `{count}` mentions. */
  otherServices: string;
  timeTitle: string;
  /** Latest quarter `{q}`: detect `{detect}`, recover `{recover}`. */
  timeAlt: string;
  quarter: string;
  detect: string;
  recover: string;
  minutes: string;
  /** Records a median is of. */
  sample: string;
  followUpTitle: string;
  /** `{done}` of `{n}` action items closed (`{pct}`). */
  followUpAlt: string;
  repeatTitle: string;
  /** `{n}` of `{total}` dated records repeat an earlier one. */
  repeatAlt: string;
  firstTime: string;
  repeat: string;
  repeatListHeading: string;
  repeatOf: string;
  shared: string;
  noRepeats: string;
  noData: string;
}

/** Both pages' strings, by language. */
export const FOLLOW_STRINGS: Record<Lang, { actions: ActionsStrings; insights: InsightsStrings }> = {
  en: {
    actions: {
      nav: 'Follow-ups',
      title: 'Follow-ups',
      intro: 'Every action item across the library: who owns it, where it stands, when it is due.',
      asOf: 'Overdue as of {day} (the day the site was built).',
      asOfToday: 'Overdue as of today, {day}.',
      summaryHeading: 'Summary',
      total: 'Action items',
      stillOpen: 'Still to do',
      overdue: 'Overdue',
      filtersHeading: 'Filter follow-ups',
      filterStatus: 'Status',
      filterOwner: 'Owner',
      filterType: 'Type',
      filterService: 'Service',
      filterOverdue: 'Due',
      filterOpenOnly: 'Overdue only',
      any: 'Any',
      noOwner: 'No owner',
      reset: 'Clear filters',
      showing: 'Showing {shown} of {total} action items',
      countAll: '{n} action items',
      noMatches: 'No action item matches these filters.',
      empty: 'No record has action items yet.',
      downloads: 'Download',
      csv: 'CSV',
      json: 'JSON',
      record: 'Record',
      item: 'Action',
      type: 'Type',
      owner: 'Owner',
      status: 'Status',
      due: 'Due',
      link: 'Tracker',
      none: '—',
      daysOverdue: '{n} days overdue',
      overdueOne: '1 day overdue',
      tableCaption: 'Action items across the library',
    },
    insights: {
      nav: 'Insights',
      title: 'Insights',
      intro: 'Trends across the library: when incidents happen, why, where, how fast they are found and fixed, whether follow-ups get done, and which incidents repeat.',
      basis: 'Based on {n} records, {d} of them dated.',
      window: 'Charts over time show {since} to {until}; causes and services count every record.',
      empty: 'No records yet: the charts appear once the library has some.',
      dataTable: 'Data',
      perMonthTitle: 'Records per month, by kind',
      perMonthAlt: '{n} records over {m} months; the busiest month is {month} with {max}.',
      month: 'Month',
      total: 'Total',
      byCategoryTitle: 'Records by root cause',
      byCategoryAlt: 'The most common root cause is {top}, with {n} of {total} records.',
      category: 'Root cause',
      records: 'Records',
      byServiceTitle: 'Records by service',
      byServiceAlt: '{top} is named in the most records ({n}); {count} services in all.',
      service: 'Service',
      otherServices: '{n} more services ({count} mentions)',
      timeTitle: 'Median time to detect and to recover, per quarter',
      timeAlt: 'In {q}, the median time to detect was {detect} and to recover {recover}.',
      quarter: 'Quarter',
      detect: 'Time to detect',
      recover: 'Time to recover',
      minutes: 'minutes',
      sample: 'Records',
      followUpTitle: 'Follow-up completion, by quarter of the incident',
      followUpAlt: '{done} of {n} action items are closed ({pct}).',
      repeatTitle: 'Repeat incidents per quarter',
      repeatAlt: '{n} of {total} records in these quarters repeat an earlier incident (strong shared symptom evidence).',
      firstTime: 'First seen',
      repeat: 'Repeat',
      repeatListHeading: 'Repeats and what they share',
      repeatOf: 'Repeats',
      shared: 'Shared evidence',
      noRepeats: 'No record shares strong symptom evidence with an earlier one.',
      noData: '—',
    },
  },
  zh: {
    actions: {
      nav: '改进项',
      title: '改进项跟踪',
      intro: '全库所有改进项：谁负责、进展如何、何时到期。',
      asOf: '逾期按 {day}（站点构建日）计算。',
      asOfToday: '逾期按今天（{day}）计算。',
      summaryHeading: '概况',
      total: '改进项',
      stillOpen: '待完成',
      overdue: '已逾期',
      filtersHeading: '筛选改进项',
      filterStatus: '状态',
      filterOwner: '负责方',
      filterType: '类型',
      filterService: '服务',
      filterOverdue: '到期',
      filterOpenOnly: '仅看逾期',
      any: '全部',
      noOwner: '未指定负责方',
      reset: '清除筛选',
      showing: '显示 {shown} / {total} 个改进项',
      countAll: '共 {n} 个改进项',
      noMatches: '没有符合筛选条件的改进项。',
      empty: '还没有记录包含改进项。',
      downloads: '下载',
      csv: 'CSV',
      json: 'JSON',
      record: '记录',
      item: '改进项',
      type: '类型',
      owner: '负责方',
      status: '状态',
      due: '截止日期',
      link: '跟踪单',
      none: '—',
      daysOverdue: '逾期 {n} 天',
      overdueOne: '逾期 1 天',
      tableCaption: '全库改进项',
    },
    insights: {
      nav: '趋势',
      title: '趋势洞察',
      intro: '全库趋势：故障何时发生、因何发生、影响哪些服务、多快发现和恢复、改进项是否落实、哪些故障重复发生。',
      basis: '基于 {n} 条记录，其中 {d} 条有日期。',
      window: '按时间的图表显示 {since} 至 {until}；根因与服务统计全部记录。',
      empty: '还没有记录：有了记录后这里会显示图表。',
      dataTable: '数据',
      perMonthTitle: '每月记录数（按类型）',
      perMonthAlt: '{m} 个月内共 {n} 条记录；最多的是 {month}，共 {max} 条。',
      month: '月份',
      total: '合计',
      byCategoryTitle: '按根因分类的记录数',
      byCategoryAlt: '最常见的根因是「{top}」，占 {total} 条中的 {n} 条。',
      category: '根因',
      records: '记录数',
      byServiceTitle: '按服务的记录数',
      byServiceAlt: '涉及记录最多的服务是 {top}（{n} 条）；共 {count} 个服务。',
      service: '服务',
      otherServices: '其余 {n} 个服务（共 {count} 次）',
      timeTitle: '每季度发现时长与恢复时长中位数',
      timeAlt: '{q} 的发现时长中位数为 {detect}，恢复时长中位数为 {recover}。',
      quarter: '季度',
      detect: '发现时长',
      recover: '恢复时长',
      minutes: '分钟',
      sample: '记录数',
      followUpTitle: '改进项完成情况（按故障所在季度）',
      followUpAlt: '{n} 个改进项中已关闭 {done} 个（{pct}）。',
      repeatTitle: '每季度重复发生的故障',
      repeatAlt: '这些季度的 {total} 条记录中有 {n} 条与更早的故障重复（共享强症状证据）。',
      firstTime: '首次出现',
      repeat: '重复',
      repeatListHeading: '重复故障及共享证据',
      repeatOf: '重复自',
      shared: '共享证据',
      noRepeats: '没有记录与更早的记录共享强症状证据。',
      noData: '—',
    },
  },
};

/** Fills `{name}` placeholders in `template`. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
