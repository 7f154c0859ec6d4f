/**
 * Closed word lists the extractor reads context from: errno names, message
 * phrases that mean an errno, HTTP reason phrases, context words for ports,
 * codes and comparisons, units, and English labels for Chinese figure names.
 */

/** POSIX / libc errno names, plus a few resolver codes. */
export const ERRNO_NAMES: ReadonlySet<string> = new Set(
  ('EPERM ENOENT ESRCH EINTR EIO ENXIO E2BIG ENOEXEC EBADF ECHILD EAGAIN ENOMEM EACCES EFAULT EBUSY EEXIST EXDEV ' +
    'ENODEV ENOTDIR EISDIR EINVAL ENFILE EMFILE ENOTTY ETXTBSY EFBIG ENOSPC ESPIPE EROFS EMLINK EPIPE EDOM ERANGE ' +
    'EDEADLK ENAMETOOLONG ENOLCK ENOSYS ENOTEMPTY ELOOP EWOULDBLOCK ENOMSG EIDRM ENOSTR ENODATA ETIME ENOSR ENOLINK ' +
    'EPROTO EBADMSG EOVERFLOW EILSEQ EUSERS ENOTSOCK EDESTADDRREQ EMSGSIZE EPROTOTYPE ENOPROTOOPT EPROTONOSUPPORT ' +
    'ESOCKTNOSUPPORT EOPNOTSUPP ENOTSUP EPFNOSUPPORT EAFNOSUPPORT EADDRINUSE EADDRNOTAVAIL ENETDOWN ENETUNREACH ' +
    'ENETRESET ECONNABORTED ECONNRESET ENOBUFS EISCONN ENOTCONN ESHUTDOWN ETOOMANYREFS ETIMEDOUT ECONNREFUSED ' +
    'EHOSTDOWN EHOSTUNREACH EALREADY EINPROGRESS ESTALE EDQUOT ECANCELED EOWNERDEAD ENOTRECOVERABLE ENOTFOUND ' +
    'EAI_AGAIN EAI_NONAME EAI_FAIL ESERVFAIL ECONNECTIONREFUSED').split(' '),
);

/** Message phrases (lower case) that name an errno. */
export const ERRNO_PHRASES: ReadonlyArray<readonly [string, string]> = [
  ['connection reset by peer', 'ECONNRESET'],
  ['reset by peer', 'ECONNRESET'],
  ['connection reset', 'ECONNRESET'],
  ['连接被重置', 'ECONNRESET'],
  ['connection refused', 'ECONNREFUSED'],
  ['连接被拒绝', 'ECONNREFUSED'],
  ['connection timed out', 'ETIMEDOUT'],
  ['operation timed out', 'ETIMEDOUT'],
  ['连接超时', 'ETIMEDOUT'],
  ['broken pipe', 'EPIPE'],
  ['no route to host', 'EHOSTUNREACH'],
  ['host is unreachable', 'EHOSTUNREACH'],
  ['network is unreachable', 'ENETUNREACH'],
  ['too many open files', 'EMFILE'],
  ['no space left on device', 'ENOSPC'],
  ['address already in use', 'EADDRINUSE'],
  ['cannot allocate memory', 'ENOMEM'],
  ['software caused connection abort', 'ECONNABORTED'],
  ['resource temporarily unavailable', 'EAGAIN'],
];

/** Exception-like names used without an `Exception`/`Error` suffix (Kubernetes reasons and the like), lower case. */
export const KNOWN_EXCEPTIONS: ReadonlySet<string> = new Set([
  'oomkilled',
  'crashloopbackoff',
  'imagepullbackoff',
  'errimagepull',
  'evicted',
  'deadlineexceeded',
  'containercannotrun',
  'createcontainerconfigerror',
  'nodenotready',
  'segfault',
]);

/** HTTP reason phrases (lower case, words joined by one space) → status. */
export const HTTP_REASONS: ReadonlyMap<string, number> = new Map([
  ['bad request', 400],
  ['unauthorized', 401],
  ['forbidden', 403],
  ['not found', 404],
  ['method not allowed', 405],
  ['request timeout', 408],
  ['conflict', 409],
  ['payload too large', 413],
  ['too many requests', 429],
  ['internal server error', 500],
  ['not implemented', 501],
  ['bad gateway', 502],
  ['service unavailable', 503],
  ['gateway timeout', 504],
]);

/** Signal numbers → names, for `signal 9` and `exit code 137` (128 + 9). */
export const SIGNALS: ReadonlyMap<number, string> = new Map([
  [1, 'SIGHUP'],
  [2, 'SIGINT'],
  [3, 'SIGQUIT'],
  [6, 'SIGABRT'],
  [9, 'SIGKILL'],
  [11, 'SIGSEGV'],
  [13, 'SIGPIPE'],
  [14, 'SIGALRM'],
  [15, 'SIGTERM'],
]);

/** Words before a number that make it a port. */
export const PORT_WORDS: ReadonlySet<string> = new Set([
  'port', 'ports', 'dport', 'sport', 'lport', 'rport', '--port', '-p', 'listen', 'listening', 'targetport',
  'containerport', 'nodeport', 'dst-port', 'src-port', '端口', '端口号',
]);
/** CJK endings before a number that make it a port (`监听端口5555`). */
export const PORT_CJK_SUFFIXES: readonly string[] = ['端口号', '端口', '端口为', '端口是'];
/** Transport protocol words. */
export const PROTOCOL_WORDS: ReadonlySet<string> = new Set(['tcp', 'udp', 'sctp']);

/** Words before a number that make it an error code. */
export const CODE_WORDS: ReadonlySet<string> = new Set([
  'error', 'err', 'errno', 'errcode', 'error_code', 'errorcode', 'code', 'rc', 'retcode', 'return', 'failed',
  'failure', 'fail', 'exception',
]);
/** CJK endings before a number that make it an error code (`状态码为266`, `下称失败 266`). */
export const CODE_CJK_SUFFIXES: readonly string[] = [
  '错误码', '状态码', '返回码', '错误代码', '报错', '错误', '失败', '码为', '码是', '代码',
];
/** CJK starts after a number that make it an error code (`266报错`, `266错误`). */
export const CODE_CJK_PREFIXES: readonly string[] = ['报错', '错误', '号错误'];

/** Words and operators before a number that set a comparison. */
export const OP_WORDS: ReadonlyMap<string, '>' | '>=' | '<' | '<=' | '~'> = new Map([
  ['>', '>'],
  ['>=', '>='],
  ['<', '<'],
  ['<=', '<='],
  ['~', '~'],
  ['over', '>'],
  ['above', '>'],
  ['exceeds', '>'],
  ['exceeded', '>'],
  ['exceeding', '>'],
  ['below', '<'],
  ['under', '<'],
  ['about', '~'],
  ['around', '~'],
  ['approximately', '~'],
  ['approx', '~'],
]);
/** CJK endings before a number that set a comparison (`超过1020`). */
export const OP_CJK_SUFFIXES: ReadonlyArray<readonly [string, '>' | '<' | '~']> = [
  ['超过', '>'],
  ['超出', '>'],
  ['大于', '>'],
  ['高于', '>'],
  ['多于', '>'],
  ['低于', '<'],
  ['小于', '<'],
  ['少于', '<'],
  ['大约', '~'],
  ['约', '~'],
];

/** Unit words after a number that make it a count. */
export const COUNT_UNITS: ReadonlySet<string> = new Set([
  'connections', 'connection', 'conns', 'requests', 'reqs', 'errors', 'times', 'tasks', 'packets', 'sessions',
  'users', 'retries', 'nodes', 'pods', 'hosts', 'servers', 'processes', 'threads', 'files',
]);
/** CJK starts after a number that make it a count. */
export const COUNT_CJK_UNITS: readonly string[] = ['个', '次', '条', '台', '笔', '家'];

/** Duration units → seconds. */
export const DURATION_UNITS: ReadonlyMap<string, number> = new Map([
  ['ms', 0.001],
  ['msec', 0.001],
  ['milliseconds', 0.001],
  ['s', 1],
  ['sec', 1],
  ['secs', 1],
  ['second', 1],
  ['seconds', 1],
  ['m', 60],
  ['min', 60],
  ['mins', 60],
  ['minute', 60],
  ['minutes', 60],
  ['h', 3600],
  ['hr', 3600],
  ['hrs', 3600],
  ['hour', 3600],
  ['hours', 3600],
  ['d', 86400],
  ['day', 86400],
  ['days', 86400],
]);
/** CJK duration units → seconds. */
export const DURATION_CJK_UNITS: ReadonlyArray<readonly [string, number]> = [
  ['毫秒', 0.001],
  ['秒', 1],
  ['分钟', 60],
  ['小时', 3600],
  ['天', 86400],
];
/** Size units (upper case) → bytes. */
export const SIZE_UNITS: ReadonlyMap<string, number> = new Map([
  ['B', 1],
  ['K', 1024],
  ['KB', 1024],
  ['KIB', 1024],
  ['M', 1024 ** 2],
  ['MB', 1024 ** 2],
  ['MIB', 1024 ** 2],
  ['G', 1024 ** 3],
  ['GB', 1024 ** 3],
  ['GIB', 1024 ** 3],
  ['T', 1024 ** 4],
  ['TB', 1024 ** 4],
  ['TIB', 1024 ** 4],
]);

/** Service names tcpdump prints instead of port numbers. */
export const SERVICE_PORTS: ReadonlyMap<string, number> = new Map([
  ['domain', 53],
  ['http', 80],
  ['https', 443],
  ['ssh', 22],
  ['ntp', 123],
  ['netbios-ns', 137],
  ['netbios-dgm', 138],
  ['snmp', 161],
  ['ldap', 389],
  ['bootps', 67],
  ['bootpc', 68],
]);

/** File extensions: `licmcore.log` is a file, not a host. */
export const FILE_EXTENSIONS: ReadonlySet<string> = new Set(
  ('log txt md yaml yml json xml ini cfg conf toml sh bash py js ts mjs cjs jsx tsx go rs java class jar c h cc cpp ' +
    'hpp so dll exe bin tar gz tgz zip rpm deb iso img pem crt key csv sql html htm css png jpg jpeg gif svg pid sock ' +
    'lock bak tmp out err properties service socket timer mount rules d').split(' '),
);

/** Chinese figure names → English labels, most specific first. */
export const FIGURE_LABELS: ReadonlyArray<readonly [string, string]> = [
  ['失败率', 'failure rate'],
  ['报错率', 'error rate'],
  ['错误率', 'error rate'],
  ['成功率', 'success rate'],
  ['丢包率', 'packet loss'],
  ['使用率', 'usage'],
  ['利用率', 'utilization'],
  ['占用率', 'usage'],
  ['毛利率', 'margin'],
  ['连接数', 'connections'],
  ['并发', 'concurrency'],
  ['延迟', 'latency'],
  ['时延', 'latency'],
  ['耗时', 'latency'],
  ['超时', 'timeout'],
  ['失败数', 'failures'],
  ['成功数', 'successes'],
  ['任务数', 'tasks'],
  ['总数', 'total'],
  ['内存', 'memory'],
  ['磁盘', 'disk'],
  ['带宽', 'bandwidth'],
  ['连接', 'connections'],
];
