/** A dialog's key handler: Escape does `done` and goes no further (the desk's shortcuts do not see it). */
export const onEscape = (done) => (ev) => {
  if (ev.key === 'Escape') {
    ev.stopPropagation();
    done();
  }
};
