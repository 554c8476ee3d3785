import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';
import { DefaultLogger, NativeConnection, Runtime, Worker, bundleWorkflowCode, type LogLevel, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { MikroORM } from '@mikro-orm/postgresql';
import { defaultChannelRegistry, ormConfig, temporalConnectionOptions, type ChannelRegistry, type Settings } from '@crosschat/core';
import { createActivities } from './activities/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const workflowsRoot = path.resolve(here, '../../workflows');

/** The workflow code: compiled JS in production (dist), TypeScript sources in tests. */
export function workflowsEntry(): string {
  const compiled = path.join(workflowsRoot, 'dist/index.js');
  const source = path.join(workflowsRoot, 'src/index.ts');
  return here.includes(`${path.sep}src`) || !fs.existsSync(compiled) ? source : compiled;
}

/** Bundles the workflows once (webpack); pass the result to several workers to save seconds. */
export function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: workflowsEntry(),
    // Our sources import siblings as `./x.js` (ESM): let webpack find the `.ts` behind them.
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, extensionAlias: { '.js': ['.ts', '.js'] } },
    }),
    logger: { info: () => {}, debug: () => {}, trace: () => {}, warn: console.warn, error: console.error, log: () => {} } as never,
  });
}

let runtimeInstalled = false;
/** The SDK's process-wide runtime (logging); installed once, before the first connection. */
function installRuntime(level: LogLevel): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({ logger: new DefaultLogger(level) });
  } catch {
    /* already created by an earlier connection in this process */
  }
}

export interface CrossChatWorker {
  worker: Worker;
  orm: MikroORM;
  connection: NativeConnection;
  /** Runs until shutdown() is called; resolves when drained. */
  run(): Promise<void>;
  shutdown(): Promise<void>;
}

export async function createWorker(
  settings: Settings,
  options: { taskQueue?: string; bundle?: WorkflowBundleWithSourceMap; channels?: ChannelRegistry; logLevel?: LogLevel } = {},
): Promise<CrossChatWorker> {
  installRuntime(options.logLevel ?? (process.env.CROSSCHAT_TEST ? 'WARN' : 'INFO'));
  const orm = await MikroORM.init(ormConfig(settings.databaseUrl));
  const connection = await NativeConnection.connect(temporalConnectionOptions(settings));
  const worker = await Worker.create({
    connection,
    namespace: settings.temporalNamespace,
    taskQueue: options.taskQueue ?? settings.temporalTaskQueue,
    workflowBundle: options.bundle ?? (await bundleWorkflows()),
    activities: createActivities({ orm, settings, channels: options.channels ?? defaultChannelRegistry() }),
  });
  let running: Promise<void> | undefined;
  return {
    worker,
    orm,
    connection,
    run() {
      running ??= worker.run();
      return running;
    },
    async shutdown() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running?.catch(() => undefined);
      await connection.close().catch(() => undefined);
      await orm.close(true);
    },
  };
}
