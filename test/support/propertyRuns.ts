/**
 * How many cases each property test tries: a few in `npm test` (kept under a
 * minute on two cores), many in `npm run test:stress`, which sets
 * SURVEYOR_PROPERTY_RUNS.
 */
export const PROPERTY_RUNS = Number(process.env.SURVEYOR_PROPERTY_RUNS ?? 4);
