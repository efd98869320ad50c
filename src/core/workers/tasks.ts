import type { WeeklyFigures } from '../../contract/calls/reports';
import { renderWeeklyFilesHere } from '../reports/weeklyFiles';
import type { ReportHead } from '../reports/head';

/**
 * What a document worker can do. Each task is a pure function of its arguments (no CoreApp, no
 * database): the caller reads what is needed first, the worker renders, the caller writes. Results
 * are structured-cloned back (a report's few MB are copied once; pooled Buffers cannot be transferred).
 */
export const DOCUMENT_TASKS = {
  weeklyFiles: (a: { figures: WeeklyFigures; head: ReportHead; version?: number }) => renderWeeklyFilesHere(a.figures, a.head, a.version),
};

export type DocumentTaskName = keyof typeof DOCUMENT_TASKS;
export type DocumentTaskArgs<N extends DocumentTaskName> = Parameters<(typeof DOCUMENT_TASKS)[N]>[0];
export type DocumentTaskResult<N extends DocumentTaskName> = Awaited<ReturnType<(typeof DOCUMENT_TASKS)[N]>>;
