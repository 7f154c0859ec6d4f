import { defineCommand, parseArgs } from 'citty';
const args = { limit: { type: 'string' }, json: { type: 'boolean' }, alert: {type: 'string'} } as const;
for (const raw of [['--limit','-1','x'], ['--limit=-1','x'], ['--limit','abc'], ['--limit'], ['--json','a','b'], ['-', '--alert', 'f']]) console.log(JSON.stringify(raw), JSON.stringify(parseArgs(raw, args as any)));
