/**
 * Hash routes, so the browser's Back button and reloads work without a server that knows the
 * app's paths (the build is static files; the service worker serves index.html for `/`).
 *   #/                 home: film, upload, demo, open a track
 *   #/film             the camera
 *   #/analysis         the current analysis: processing, then results or an error
 *   #/session/<id>     a saved session, reopened
 *   #/history          saved sessions
 *   #/compare?a=&b=    two saved sessions side by side
 */
export type Route =
  | { name: 'home' }
  | { name: 'film' }
  | { name: 'analysis' }
  | { name: 'session'; id: string }
  | { name: 'history' }
  | { name: 'compare'; a: string; b: string };

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path, query = ''] = raw.split('?', 2);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(query);
  switch (parts[0]) {
    case 'film':
      return { name: 'film' };
    case 'analysis':
      return { name: 'analysis' };
    case 'session':
      return parts[1] ? { name: 'session', id: parts[1] } : { name: 'history' };
    case 'history':
      return { name: 'history' };
    case 'compare': {
      const a = params.get('a');
      const b = params.get('b');
      return a && b ? { name: 'compare', a, b } : { name: 'history' };
    }
    default:
      return { name: 'home' };
  }
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'session':
      return `#/session/${encodeURIComponent(route.id)}`;
    case 'compare':
      return `#/compare?${new URLSearchParams({ a: route.a, b: route.b }).toString()}`;
    default:
      return `#/${route.name}`;
  }
}
