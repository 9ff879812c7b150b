/** Leaving the SPA for another site (pagoPA Checkout). One object, so tests can watch it. */
export const browser = {
  assign(url: string): void {
    window.location.assign(url);
  },
};
