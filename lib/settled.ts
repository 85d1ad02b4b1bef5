/** Resolves, to nothing, once `p` has settled either way (a rejection is for its own handler to report). */
export function settled(p: Promise<unknown> | undefined): Promise<void> {
  return Promise.resolve(p).then(
    () => undefined,
    () => undefined,
  );
}
