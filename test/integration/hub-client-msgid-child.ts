// Child process for hub-client-envelope.test.ts: allocates msgids from a shared terminal.db and
// prints them, one per line, so the test can prove two processes never hand out the same one.
import { openTerminalDb } from '@src/database/terminal-db';
import { MsgidAllocator } from '@src/hub/msgid/msgid-allocator';

const [file, countText] = process.argv.slice(2);
const db = openTerminalDb(file as string);
const allocator = new MsgidAllocator({ db, fixmedinsCode: () => 'H31010100001', slot: () => 7 });
const out: string[] = [];
for (let i = 0; i < Number(countText); i++) out.push(allocator.next());
db.close();
process.stdout.write(out.join('\n') + '\n');
