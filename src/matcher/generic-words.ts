/**
 * Words that describe any incident (`failed`, `timeout`, `database`, `失败`,
 * `超时`, `数据库`): a record matching only these is not thereby the answer.
 * Confidence counts how much of a query's other, specific words a record
 * explains. Rarity cannot tell this on its own: in a library written mostly
 * in one language, the other language's commonest words look rare.
 */
import { tokenizeText } from './text-tokenize.ts';

/** English words of any incident, as written (matched by their stems). */
const ENGLISH = `fail failed failing failure failures error errors outage outages down issue issues problem problems
incident incidents slow slowness timeout timeouts time service services server servers database databases db network
networks deploy deployed deployment after before cannot unable not no broken break broke crash crashed crashes stuck
wrong bad high low lost loss many all every some site website app application system systems request requests user
users customer customers data job jobs task tasks connection connections connect connecting api page pages load
loading work working stopped stop start started unavailable available intermittent random sometimes degraded
degradation latency delay delays login logins logon signin sign log logs logging config configuration change changes
restart restarted reboot update updated upgrade upgraded backup backups restore recovery release`;

/** Chinese words of any incident; a CJK word made only of these (`任务失败`, `连接失败`) is generic too. */
const CHINESE = `失败 错误 报错 异常 故障 超时 服务 网络 不通 数据库 任务 连接 无法 不能 问题 系统 中断 宕机 延迟 很慢 变慢 慢 卡住 卡
挂了 挂 请求 接口 用户 业务 访问 出错 失效 不可用 断开 导致 全部 所有 一直 偶尔 间歇性 间歇 突然 打不开 不上 不了 没有 数据 服务器
机器 集群 平台 页面 应用 告警 报警 端口 之后 以后 后 登录 登陆 登入 日志 配置 变更 重启 升级 更新 备份 恢复 发布 上线`;

/** ENGLISH's stems, worked out at the first Latin word that has any (a query of numbers never stems them). */
let englishStems: ReadonlySet<string> | undefined;
/** Longest first, so `数据库` is taken before `数据`. */
const CHINESE_WORDS: readonly string[] = [...new Set(CHINESE.split(/\s+/).filter(Boolean))].sort((a, b) => b.length - a.length);

/** Whether a query word (one run: a Latin word or a CJK stretch) says nothing about which incident it is. */
export function isGenericWord(word: string): boolean {
  if (!/[\u3400-\u9fff]/.test(word)) {
    const stems = tokenizeText(word);
    if (stems.length === 0) return true;
    englishStems ??= new Set(tokenizeText(ENGLISH));
    return stems.every((s) => englishStems!.has(s));
  }
  let rest = word;
  for (const generic of CHINESE_WORDS) if (rest.includes(generic)) rest = rest.split(generic).join('');
  return rest.length === 0;
}
