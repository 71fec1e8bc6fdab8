// Preloaded (`node --import`) by tests of the process entry: sends this process a stop signal at the first require
// made from inside commander's package, that is while the CLI's command modules are loading (commander is among the
// first of them), as a `timeout` or a supervisor may at any moment. Says so on stderr, so a test knows it was sent.
import Module from 'node:module';
import { sep } from 'node:path';

const load = Module._load;
let sent = false;
Module._load = function (request, parent, ...rest) {
  if (!sent && typeof parent?.filename === 'string' && parent.filename.includes(`${sep}node_modules${sep}commander${sep}`)) {
    sent = true;
    process.stderr.write('test: stop signal sent while loading\n');
    process.kill(process.pid, process.env.TEST_STOP_SIGNAL ?? 'SIGTERM');
  }
  return load.call(this, request, parent, ...rest);
};
