import { ConsoleLogger } from '@nestjs/common';

/** Nest's per-route and per-module boot lines: dozens of lines nobody reads on every start. */
const BOOT_CONTEXTS = new Set(['RoutesResolver', 'RouterExplorer', 'InstanceLoader', 'NestFactory']);

/** The console logger without Nest's boot chatter; `LOG_LEVEL=verbose` brings it back. */
export class StartupQuietLogger extends ConsoleLogger {
  private readonly chatty = process.env.LOG_LEVEL === 'verbose';

  override log(message: unknown, ...rest: unknown[]): void {
    const context = rest.at(-1);
    if (!this.chatty && typeof context === 'string' && BOOT_CONTEXTS.has(context)) return;
    super.log(message, ...(rest as [string]));
  }
}
