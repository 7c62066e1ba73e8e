// The benchmark ceiling: a bare node:http server answering every request with one fixed page.
// Usage: node tests/bench/ceiling-server.mjs <page-file> <port>
import fs from "node:fs";
import http from "node:http";

const [file, port] = process.argv.slice(2);
const page = fs.readFileSync(file);
const server = http.createServer((req, res) => {
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": page.length });
  res.end(page);
});
server.listen(Number(port), "127.0.0.1", () => process.stdout.write("ready\n"));
// Nothing to finish: a measurement is over when this is stopped.
process.once("SIGTERM", () => process.exit(0));
