// The pure domain rules, shared by server, workers and web. No I/O.
export * from './codes.ts';
export * from './calendar.ts';
export * from './deadlines.ts';
export * from './radar.ts';
export * from './policy.ts';
export * from './triage.ts';
export * from './explain.ts';
export * from './register.ts';
export * from './vergelijking.ts';
export * from './toetsing.ts';
export * from './labels.ts';
export * from './routing.ts';
export * from './openingstijden.ts';
