import log from 'electron-log/node';
import { errorForLog, LOG_MAX_BYTES } from './log-records';

/**
 * The desktop app's log file, with electron-log's Node logger (it opens no IPC channel: the
 * renderer cannot write to it). One file, rolled over at `LOG_MAX_BYTES` to `main.old.log`. Every
 * line goes through `log-records.ts`: start-up facts and errors' kinds, never contents.
 */
export interface AppLog {
  file: string;
  info(record: string): void;
  /** Logs what happened (a fixed phrase) and the error's kind, code and stack; never its message. */
  error(what: string, error: unknown): void;
}

export function openLog(file: string, options: { console: boolean }): AppLog {
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.maxSize = LOG_MAX_BYTES;
  log.transports.file.level = 'info';
  log.transports.console.level = options.console ? 'info' : false;
  return {
    file,
    info: (record) => log.info(record),
    error: (what, error) => log.error(`${what}: ${errorForLog(error)}`),
  };
}
