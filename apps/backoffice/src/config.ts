/** The one place that reads `import.meta.env`. */
export const config = {
  /** Router basename: Vite's `base` without its trailing slash ('/backoffice/' → '/backoffice'). */
  basename: import.meta.env.BASE_URL.replace(/\/$/, '') || '/',
} as const;
