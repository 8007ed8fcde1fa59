import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { parseRoute, routeHash, type Route } from '../router';

/** Views that can take focus on navigation (their heading). */
interface Focusable extends HTMLElement {
  focusHeading(): void;
  focusUpload?(): void;
  updateComplete?: Promise<unknown>;
}

export interface RouteHooks {
  /** Called before the route changes (not on the first route): leaving -> next. */
  leave(leaving: Route, next: Route): void;
  /** Called when a route is entered (also the first one, on connect). */
  enter(route: Route): void;
}

/**
 * Hash routing for the app shell (lit.dev's reactive-controller pattern): the current route,
 * Back/Forward through `hashchange`, and focus: after each navigation (or `refocus()`), once the
 * host has rendered, the view marked `[data-view]` gets the focus on its heading, so screen-reader
 * and keyboard users land on the new content.
 */
export class RouteController implements ReactiveController {
  route: Route = parseRoute(location.hash);
  private focusOnUpdate = false;
  /** After "Upload a video instead": focus the home view's upload control rather than its heading. */
  private focusUploadOnHome = false;
  private readonly onHashChange = () => this.navigateTo(parseRoute(location.hash));

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment },
    private readonly hooks: RouteHooks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.onHashChange);
    this.hooks.enter(this.route);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.onHashChange);
  }

  /** Goes to a route (a new history entry unless `replace`). */
  go(route: Route, { replace = false } = {}): void {
    const hash = routeHash(route);
    if (location.hash === hash || (hash === '#/' && location.hash === '')) {
      this.navigateTo(route);
      return;
    }
    if (replace) {
      history.replaceState(null, '', hash);
      this.navigateTo(route);
    } else location.hash = hash; // hashchange -> navigateTo
  }

  /** Replaces the current route without a navigation (e.g. a reload of a route with nothing to show). */
  redirect(route: Route): void {
    history.replaceState(null, '', routeHash(route));
    this.route = route;
    this.host.requestUpdate();
  }

  /** Goes home and focuses its upload control instead of its heading (navigation is asynchronous). */
  goHomeToUpload(): void {
    this.focusUploadOnHome = true;
    this.go({ name: 'home' });
  }

  /** Focus the current view's heading after the next render (a new phase within a route). */
  refocus(): void {
    this.focusOnUpdate = true;
    this.host.requestUpdate();
  }

  private navigateTo(route: Route): void {
    this.hooks.leave(this.route, route);
    if (route.name !== 'home') this.focusUploadOnHome = false;
    this.route = route;
    this.focusOnUpdate = true;
    this.host.requestUpdate();
    this.hooks.enter(route);
  }

  hostUpdated(): void {
    if (!this.focusOnUpdate) return;
    this.focusOnUpdate = false;
    void this.moveFocus();
  }

  private async moveFocus(): Promise<void> {
    const view = this.host.renderRoot.querySelector<Focusable>('[data-view]');
    if (!view) return;
    await view.updateComplete;
    if (this.focusUploadOnHome && view.localName === 'gait-home' && typeof view.focusUpload === 'function') {
      this.focusUploadOnHome = false;
      view.focusUpload();
      return;
    }
    if (typeof view.focusHeading === 'function') view.focusHeading();
    else view.querySelector<HTMLElement>('h1')?.focus();
    window.scrollTo({ top: 0 });
  }
}
