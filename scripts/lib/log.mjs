const colors = { crosschat: 36, postgres: 34, temporal: 35, api: 32, worker: 33, web: 94, test: 37 };

export function log(source, message) {
  const color = colors[source] ?? 37;
  for (const line of String(message).split('\n')) {
    if (line.trim()) process.stdout.write(`\x1b[${color}m[${source}]\x1b[0m ${line}\n`);
  }
}
