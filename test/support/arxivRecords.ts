import type { ArxivRecord } from '../../server/src/service/metadata';

/** One arXiv paper as the API describes it (facts of a real paper, for the tests that need metadata). */
export const INSTAGEN: ArxivRecord = {
  id: '2402.05937',
  title: 'InstaGen: Enhancing Object Detection by Training on Synthetic Dataset',
  authors: ['Chengjian Feng', 'Yujie Zhong', 'Zequn Jie'],
  published: '2024-02-08',
  updated: null,
  version: null,
  primaryCategory: 'cs.CV',
  journalRef: null,
  doi: null,
  comment: null,
  abstract: null,
};
