// Pings the extension host from outside it while a test runs: one GET at a time to the test's HTTP
// server inside the host (which answers by running a command), every INTERVAL ms, until stdin
// closes; then prints each ping's send time and round trip (ms) as JSON. A host thread held by an
// analysis shows as a long round trip here, where the host's own clocks could not see it.
//   node pinger.mjs <url> <interval ms>
const [url, interval] = process.argv.slice(2);
const pings = [];
let stopped = false;
process.stdin.on("end", () => (stopped = true));
process.stdin.resume();
while (!stopped) {
  const sentAt = Date.now();
  const started = performance.now();
  try {
    await (await fetch(url)).text();
    pings.push({ sentAt, ms: performance.now() - started });
  } catch (err) {
    pings.push({ sentAt, ms: performance.now() - started, error: String(err) });
  }
  await new Promise((r) => setTimeout(r, Math.max(0, Number(interval) - (performance.now() - started))));
}
process.stdout.write(JSON.stringify(pings));
