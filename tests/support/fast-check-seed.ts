import fc from 'fast-check';

// `npm test` runs every property with one fixed seed, so a run is repeatable and never red by chance; the long
// form (CONFIDE_RELIABILITY_LONG=1, in CI) draws fresh cases every time and prints the seed of any failure,
// and FC_SEED replays one.
const long = process.env['CONFIDE_RELIABILITY_LONG'] === '1';
const seed = process.env['FC_SEED'];
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
else if (!long) fc.configureGlobal({ seed: 20_261_125 });
