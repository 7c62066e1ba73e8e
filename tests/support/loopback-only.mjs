// Test-only preload (node --import): a server started by a test that listens "everywhere" (HOST
// unset, as a school install does) is bound to 127.0.0.1 instead, so the test can read the real
// start-up output, which lists the machine's network addresses, without opening a port on them.
import net from "node:net";

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === "number" && (args.length === 1 || typeof args[1] === "function"))
    args.splice(1, 0, "127.0.0.1");
  return listen.apply(this, args);
};
